namespace Microsoft.ML.Neural;

/// <summary>Broadcasting arithmetic. Each op's forward kernel and its backward sit together;
/// the backward sums gradients over broadcast dimensions (<see cref="SumTo"/>).</summary>
public static partial class TensorOps
{
    public static Tensor Add(this Tensor a, Tensor b) => BinaryOp<AddKernel>(a, b, ArithmeticNode.Kind.Add);

    public static Tensor Sub(this Tensor a, Tensor b) => BinaryOp<SubtractKernel>(a, b, ArithmeticNode.Kind.Sub);

    public static Tensor Mul(this Tensor a, Tensor b) => BinaryOp<MultiplyKernel>(a, b, ArithmeticNode.Kind.Mul);

    public static Tensor Div(this Tensor a, Tensor b) => BinaryOp<DivideKernel>(a, b, ArithmeticNode.Kind.Div);

    private static Tensor BinaryOp<TK>(Tensor a, Tensor b, ArithmeticNode.Kind kind) where TK : IBinaryKernel
    {
        var y = BinaryForward<TK>(a, b, ArithmeticNode.OpName(kind));
        return Autograd.WillRecord(a, b) ? Autograd.Attach(y, ArithmeticNode.Rent(kind, a, b, y)) : y;
    }

    /// <summary>The backward of the broadcasting arithmetic ops: each input's gradient summed over
    /// the dimensions broadcasting expanded.</summary>
    private sealed class ArithmeticNode : PooledNode<ArithmeticNode>
    {
        public enum Kind { Add, Sub, Mul, Div }

        private Kind _kind;
        private Tensor? _y;

        public static string OpName(Kind kind) => kind switch
        {
            Kind.Add => "Add",
            Kind.Sub => "Sub",
            Kind.Mul => "Mul",
            _ => "Div",
        };

        public override string Name => _kind switch
        {
            Kind.Add => "add",
            Kind.Sub => "sub",
            Kind.Mul => "mul",
            _ => "div",
        };

        public static ArithmeticNode Rent(Kind kind, Tensor a, Tensor b, Tensor y)
        {
            var node = RentWithInputs(a, b);
            (node._kind, node._y) = (kind, y);
            return node;
        }

        public override void Run(Tensor g)
        {
            var (a, b) = (Input(0), Input(1));
            switch (_kind)
            {
                case Kind.Add:
                    SetGradients(g.SumTo(a.Dims), g.SumTo(b.Dims));
                    break;
                case Kind.Sub:
                    SetGradients(g.SumTo(a.Dims), b.RequiresGrad ? g.Neg().SumTo(b.Dims) : null);
                    break;
                case Kind.Mul:
                    SetGradients(a.RequiresGrad ? g.Mul(b).SumTo(a.Dims) : null, b.RequiresGrad ? g.Mul(a).SumTo(b.Dims) : null);
                    break;
                default:
                    SetGradients(a.RequiresGrad ? g.Div(b).SumTo(a.Dims) : null, b.RequiresGrad ? g.Mul(_y!).Div(b).Neg().SumTo(b.Dims) : null);
                    break;
            }
        }

        protected override void ClearSaved() => _y = null;
    }

    public static Tensor Add(this Tensor x, float c)
    {
        var y = UnaryForward(x, c, static (s, c, d) => TensorPrimitives.Add(s, c, d));
        return Autograd.RecordSaved("add_scalar", y, x, x, static (g, _) => g);
    }

    public static Tensor Sub(this Tensor x, float c) => x.Add(-c);

    public static Tensor Mul(this Tensor x, float c)
    {
        var y = UnaryForward(x, c, static (s, c, d) => TensorPrimitives.Multiply(s, c, d));
        return Autograd.RecordWithConstants("mul_scalar", y, x, c, 0f, static (g, _, c, _) => g.Mul(c));
    }

    public static Tensor Div(this Tensor x, float c) => x.Mul(1f / c);

    /// <summary>c − x.</summary>
    public static Tensor RSub(this Tensor x, float c)
    {
        var y = UnaryForward(x, c, static (s, c, d) => TensorPrimitives.Subtract(c, s, d));
        return Autograd.RecordSaved("rsub_scalar", y, x, x, static (g, _) => g.Neg());
    }

    public static Tensor Neg(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Negate(s, d));
        return Autograd.RecordSaved("neg", y, x, x, static (g, _) => g.Neg());
    }

    /// <summary>this += alpha · other (broadcast to this tensor's shape), in place and unrecorded:
    /// for gradient accumulation and updates, not for tensors in a graph.</summary>
    public static Tensor AddInPlace(this Tensor x, Tensor other, float alpha = 1f)
    {
        CheckInPlace(x, nameof(AddInPlace));
        if (alpha == 1f) return InPlace<AddKernel>(x, other, nameof(AddInPlace));
        if (x.IsContiguous && other.IsContiguous && other.Count == x.Count)
        {
            var d = x.AsSpan();
            TensorPrimitives.MultiplyAdd(other.AsReadOnlySpan(), alpha, d, d);
            return x;
        }
        using var noGrad = Autograd.NoGrad();
        return InPlace<AddKernel>(x, other.Mul(alpha), nameof(AddInPlace));
    }

    /// <summary>this *= other (broadcast), in place and unrecorded; e.g. applying a sparsity mask to weights.</summary>
    public static Tensor MulInPlace(this Tensor x, Tensor other)
    {
        CheckInPlace(x, nameof(MulInPlace));
        return InPlace<MultiplyKernel>(x, other, nameof(MulInPlace));
    }

    /// <summary>this *= c, in place and unrecorded.</summary>
    public static Tensor MulInPlace(this Tensor x, float c)
    {
        CheckInPlace(x, nameof(MulInPlace));
        if (!x.IsContiguous) return InPlace<MultiplyKernel>(x, Tensor.Scalar(c), nameof(MulInPlace));
        var d = x.AsSpan();
        TensorPrimitives.Multiply(d, c, d);
        return x;
    }

    /// <summary>Sets every element to <paramref name="value"/>, in place and unrecorded.</summary>
    public static Tensor Fill(this Tensor x, float value)
    {
        CheckInPlace(x, nameof(Fill));
        if (x.IsContiguous) x.AsSpan().Fill(value);
        else StridedWrite.Assign(x, Tensor.Scalar(value));
        return x;
    }

    /// <summary>Copies <paramref name="source"/> (broadcast to this shape) into this tensor, in place and unrecorded.</summary>
    public static Tensor CopyFrom(this Tensor x, Tensor source)
    {
        CheckInPlace(x, nameof(CopyFrom));
        if (source.Rank > x.Rank || !Shapes.Equal(Shapes.Broadcast(x.Dims, source.Dims, nameof(CopyFrom)), x.Dims))
            throw new ArgumentException($"CopyFrom: shape {Shapes.Format(source.Dims)} does not broadcast to {Shapes.Format(x.Dims)}.");
        StridedWrite.Assign(x, source);
        return x;
    }

    private static void CheckInPlace(Tensor x, string op)
    {
        if (Autograd.IsGradEnabled && x.RequiresGrad)
            throw new InvalidOperationException($"{op}: a tensor that requires grad cannot be modified in place while grad is enabled; use Autograd.NoGrad() (as optimizers do).");
    }

    private static Tensor InPlace<TK>(Tensor x, Tensor other, string op) where TK : IBinaryKernel
    {
        var dims = Shapes.Broadcast(x.Dims, other.Dims, op);
        if (!Shapes.Equal(dims, x.Dims))
            throw new ArgumentException($"{op}: shape {Shapes.Format(other.Dims)} does not broadcast to {Shapes.Format(x.Dims)}.");
        if (x.IsContiguous)
        {
            Binary.Run<TK>(x, other, x);
            return x;
        }
        var result = Tensor.Uninitialized(x.Dims);
        Binary.Run<TK>(x, other, result);
        StridedWrite.Assign(x, result);
        return x;
    }

    private static Tensor BinaryForward<TK>(Tensor a, Tensor b, string op) where TK : IBinaryKernel
    {
        var y = Tensor.Uninitialized(Shapes.Broadcast(a.Dims, b.Dims, op));
        Binary.Run<TK>(a, b, y);
        return y;
    }

    /// <summary>y = f(x, c) on a contiguous copy of the elements; the shared forward of scalar and unary ops.</summary>
    internal static Tensor UnaryForward(Tensor x, float c, SpanScalarAction kernel)
    {
        var xc = x.ContiguousData();
        var y = Tensor.Uninitialized(x.Dims);
        kernel(xc.AsReadOnlySpan(), c, y.AsSpan());
        return y;
    }

    internal delegate void SpanScalarAction(ReadOnlySpan<float> source, float c, Span<float> destination);
}
