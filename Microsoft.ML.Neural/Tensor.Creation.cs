namespace Microsoft.ML.Neural;

public sealed partial class Tensor
{
    /// <summary>The scope whose pool lent this tensor's storage, if any.</summary>
    internal TensorScope? Scope;

    /// <summary>Uninitialised contiguous tensor (pooled inside a scope); the caller writes every element.</summary>
    internal static Tensor Uninitialized(int[] dims)
    {
        int count = Shapes.Count(dims);
        var scope = TensorScope.Current;
        var storage = scope is null ? new float[count] : scope.Rent(count);
        return Create(storage, 0, dims);
    }

    /// <summary><see cref="Uninitialized(int[])"/> for a shape built on the stack (<c>Uninitialized([m, n])</c>):
    /// the shape array comes from <see cref="ShapeCache"/>, so none is allocated.</summary>
    internal static Tensor Uninitialized(ReadOnlySpan<int> dims) => Uninitialized(ShapeCache.Get(dims));

    /// <summary>Zero-filled contiguous tensor that belongs to no scope (parameters, gradients, optimizer state).</summary>
    internal static Tensor Persistent(int[] dims) => new(new float[Shapes.Count(dims)], dims, tracked: false);

    internal static Tensor ZerosOf(int[] dims)
    {
        var t = Uninitialized(dims);
        t.Storage.AsSpan(0, t.Count).Clear();
        return t;
    }

    /// <summary>Uninitialised tensor for kernels that write every element (custom ops' forward
    /// outputs). Inside a <see cref="TensorScope"/> its storage comes from the pool.</summary>
    public static Tensor Empty(params int[] shape) => Uninitialized(Shapes.Validate(shape, nameof(Empty)));

    public static Tensor Zeros(params int[] shape) => ZerosOf(Shapes.Validate(shape, nameof(Zeros)));

    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    public static Tensor Full(float value, params int[] shape) => FullOf(value, Shapes.Validate(shape, nameof(Full)));

    private static Tensor FullOf(float value, int[] dims)
    {
        var t = Uninitialized(dims);
        t.AsSpan().Fill(value);
        return t;
    }

    public static Tensor ZerosLike(Tensor t) => ZerosOf(t.Dims);

    public static Tensor OnesLike(Tensor t) => FullOf(1f, t.Dims);

    public static Tensor EmptyLike(Tensor t) => Uninitialized(t.Dims);

    /// <summary>A single-element tensor of rank 0.</summary>
    public static Tensor Scalar(float value)
    {
        var t = Uninitialized([]);
        t.Storage[t.Offset] = value;
        return t;
    }

    /// <summary>Values start, start+step, … below <paramref name="stop"/> (above it for a negative step).</summary>
    public static Tensor Arange(float start, float stop, float step = 1f)
    {
        if (step == 0f || float.IsNaN(step)) throw new ArgumentOutOfRangeException(nameof(step), "Arange: step must be non-zero.");
        int n = Math.Max(0, (int)Math.Ceiling((stop - start) / (double)step));
        var t = Uninitialized([n]);
        var span = t.AsSpan();
        for (int i = 0; i < n; i++) span[i] = start + i * step;
        return t;
    }

    public static Tensor Arange(int stop) => Arange(0f, stop);

    /// <summary>A tensor holding a copy of <paramref name="values"/> in the given shape
    /// (a 1-D tensor when no shape is given).</summary>
    public static Tensor FromArray(float[] values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        var dims = shape.Length == 0 ? [values.Length] : Shapes.Validate(shape, nameof(FromArray), values.Length);
        var t = Uninitialized(dims);
        values.CopyTo(t.Storage, t.Offset);
        return t;
    }

    /// <summary>Values drawn uniformly from [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Uniform(Generator generator, float low, float high, params int[] shape)
    {
        var t = Uninitialized(Shapes.Validate(shape, nameof(Uniform)));
        generator.FillUniform(t.AsSpan(), low, high);
        return t;
    }

    /// <summary>Values drawn uniformly from [0, 1).</summary>
    public static Tensor Rand(Generator generator, params int[] shape) => Uniform(generator, 0f, 1f, shape);

    /// <summary>Values drawn from a normal distribution.</summary>
    public static Tensor Normal(Generator generator, float mean, float std, params int[] shape)
    {
        var t = Uninitialized(Shapes.Validate(shape, nameof(Normal)));
        generator.FillNormal(t.AsSpan(), mean, std);
        return t;
    }

    /// <summary>Standard normal values.</summary>
    public static Tensor Randn(Generator generator, params int[] shape) => Normal(generator, 0f, 1f, shape);

    /// <summary>1 with probability <paramref name="p"/>, else 0.</summary>
    public static Tensor Bernoulli(Generator generator, float p, params int[] shape)
    {
        var t = Uninitialized(Shapes.Validate(shape, nameof(Bernoulli)));
        generator.FillBernoulli(t.AsSpan(), p);
        return t;
    }

    /// <summary>Takes this tensor (and its storage) out of its <see cref="TensorScope"/>, so it
    /// lives until the garbage collector reclaims it. Returns this tensor.</summary>
    public Tensor DetachFromScope()
    {
        Scope?.Disown(this, toParent: false);
        return this;
    }

    /// <summary>Moves this tensor (and its storage) to the enclosing scope, or out of scopes when
    /// its scope is the outermost. Returns this tensor.</summary>
    public Tensor MoveToOuterScope()
    {
        Scope?.Disown(this, toParent: true);
        return this;
    }
}
