namespace Microsoft.ML.Neural;

/// <summary>Reverse-mode automatic differentiation: the recording switch, anomaly mode,
/// the hook for defining new differentiable ops, and the backward pass.</summary>
public static class Autograd
{
    [ThreadStatic] private static int t_noGradDepth;
    [ThreadStatic] private static int t_anomalyDepth;
    [ThreadStatic] private static int t_visitStamp;
    [ThreadStatic] private static List<Tensor>? t_order;
    [ThreadStatic] private static Stack<(Tensor, bool)>? t_stack;

    /// <summary>True unless inside <see cref="NoGrad"/> (on this thread).</summary>
    public static bool IsGradEnabled => t_noGradDepth == 0;

    /// <summary>True inside <see cref="DetectAnomaly"/> (on this thread).</summary>
    public static bool IsAnomalyDetectionEnabled => t_anomalyDepth > 0;

    /// <summary>Ops run inside the returned scope record no graph (inference, optimizer updates).</summary>
    public static ModeScope NoGrad()
    {
        t_noGradDepth++;
        return new ModeScope(ModeScope.Kind.NoGrad);
    }

    /// <summary>Inside the returned scope, a backward pass that produces NaN or infinity in any
    /// gradient throws an exception naming the op whose backward produced it.</summary>
    public static ModeScope DetectAnomaly()
    {
        t_anomalyDepth++;
        return new ModeScope(ModeScope.Kind.Anomaly);
    }

    /// <summary>Ends a <see cref="NoGrad"/> or <see cref="DetectAnomaly"/> region when disposed.</summary>
    public readonly struct ModeScope : IDisposable
    {
        internal enum Kind { None, NoGrad, Anomaly }

        private readonly Kind _kind;

        internal ModeScope(Kind kind) => _kind = kind;

        public void Dispose()
        {
            if (_kind == Kind.NoGrad) t_noGradDepth--;
            else if (_kind == Kind.Anomaly) t_anomalyDepth--;
        }
    }

    /// <summary>Attaches a backward function to <paramref name="output"/>, the result of an op
    /// computed by the caller's own forward kernel. This is how code outside the core defines a
    /// differentiable op. Nothing is recorded when grad is disabled or no input requires grad.</summary>
    /// <param name="opName">Name reported in errors and anomaly messages.</param>
    /// <param name="output">The freshly computed output (not yet part of any graph).</param>
    /// <param name="inputs">The tensors the output depends on differentiably.</param>
    /// <param name="backward">Maps the gradient of <paramref name="output"/> to one gradient per
    /// input, each of that input's shape (null where an input gets none). It runs with grad
    /// disabled, may capture anything from the forward pass, and must not modify its argument.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <example>A fused square-then-scale op, <c>y = c·x²</c>:
    /// <code>
    /// public static Tensor ScaledSquare(Tensor x, float c)
    /// {
    ///     var xc = x.Contiguous();
    ///     var y = Tensor.EmptyLike(xc);
    ///     var xs = xc.AsReadOnlySpan();
    ///     var ys = y.AsSpan();
    ///     for (int i = 0; i &lt; ys.Length; i++) ys[i] = c * xs[i] * xs[i];
    ///     return Autograd.Record("scaled_square", y, [x], g => [g * xc * (2 * c)]);
    /// }
    /// </code></example>
    public static Tensor Record(string opName, Tensor output, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        if (!WillRecord(inputs)) return output;
        AttachCore(output, new ClosureNode(opName, inputs, backward));
        return output;
    }

    /// <summary>Single-input form of <see cref="Record(string, Tensor, Tensor[], Func{Tensor, Tensor?[]})"/>.</summary>
    public static Tensor Record(string opName, Tensor output, Tensor input, Func<Tensor, Tensor?> backward)
    {
        if (!WillRecord(input)) return output;
        AttachCore(output, new ClosureNode(opName, input, backward));
        return output;
    }

    /// <summary>Whether <see cref="Record(string, Tensor, Tensor[], Func{Tensor, Tensor?[]})"/> would
    /// record an op over <paramref name="inputs"/>: lets a forward skip saving what only backward needs.</summary>
    internal static bool WillRecord(Tensor[] inputs)
    {
        if (!IsGradEnabled) return false;
        foreach (var t in inputs)
            if (t.RequiresGrad) return true;
        return false;
    }

    /// <summary>Attaches a built-in op's pooled node; the op has checked <see cref="WillRecord(Tensor)"/>.</summary>
    internal static Tensor Attach(Tensor output, GradNode node)
    {
        AttachCore(output, node);
        return output;
    }

    /// <summary>Records a one-input op whose backward needs only the output's gradient and
    /// <paramref name="saved"/>; with a static lambda as <paramref name="backward"/> nothing is allocated.</summary>
    internal static Tensor RecordSaved(string opName, Tensor output, Tensor input, Tensor saved, Func<Tensor, Tensor, Tensor> backward) =>
        WillRecord(input) ? Attach(output, SavedTensorNode.Rent(opName, input, saved, backward)) : output;

    /// <summary>Records a one-input op whose backward needs the output's gradient, the input and the op's
    /// constants <paramref name="a"/> and <paramref name="b"/>; with a static lambda nothing is allocated.</summary>
    internal static Tensor RecordWithConstants(string opName, Tensor output, Tensor input, float a, float b,
        Func<Tensor, Tensor, float, float, Tensor> backward) =>
        WillRecord(input) ? Attach(output, ConstantsNode.Rent(opName, input, a, b, backward)) : output;

    /// <summary>Records a one-input op whose backward needs the output's gradient, the input and an int array
    /// of the op (shared, never mutated); with a static lambda nothing is allocated.</summary>
    internal static Tensor RecordWithInts(string opName, Tensor output, Tensor input, int[] ints,
        Func<Tensor, Tensor, int[], Tensor> backward) =>
        WillRecord(input) ? Attach(output, IntsNode.Rent(opName, input, ints, backward)) : output;

    /// <summary>Whether an op over <paramref name="input"/> would be recorded.</summary>
    internal static bool WillRecord(Tensor input) => IsGradEnabled && input.RequiresGrad;

    /// <summary>Whether an op over two or three inputs (null where absent) would be recorded.</summary>
    internal static bool WillRecord(Tensor input0, Tensor? input1, Tensor? input2 = null) =>
        IsGradEnabled && (input0.RequiresGrad || input1 is { RequiresGrad: true } || input2 is { RequiresGrad: true });

    private static void AttachCore(Tensor output, GradNode node)
    {
        if (output.GradFn is not null || output.IsLeafRequiringGrad)
            throw new InvalidOperationException($"Autograd.Record('{node.Name}'): the output tensor is already part of a graph; record a freshly computed tensor.");
        output.GradFn = node;
    }

    /// <summary>The backward pass from <paramref name="root"/>: visits every tensor that needs a
    /// gradient after all its consumers, sums the gradients flowing into it, applies its hooks,
    /// then either accumulates into <see cref="Tensor.Grad"/> (leaves and retained tensors) or
    /// runs its node's backward.</summary>
    internal static void Backward(Tensor root, Tensor? gradient)
    {
        if (!root.RequiresGrad)
            throw new InvalidOperationException($"Backward: the tensor {Shapes.Format(root.Dims)} does not require grad and has no graph.");
        if (gradient is null)
        {
            if (root.Count != 1)
                throw new InvalidOperationException($"Backward without a gradient needs a single-element tensor; this one has shape {Shapes.Format(root.Dims)}.");
            gradient = Tensor.OnesLike(root);
        }
        else if (!Shapes.Equal(gradient.Dims, root.Dims))
        {
            throw new ArgumentException($"Backward: the gradient has shape {Shapes.Format(gradient.Dims)} but the tensor has shape {Shapes.Format(root.Dims)}.", nameof(gradient));
        }

        using var noGrad = NoGrad();
        var order = TopologicalOrder(root);
        root.PendingGrad = gradient;
        try
        {
            for (int i = order.Count - 1; i >= 0; i--)
            {
                var t = order[i];
                var g = t.PendingGrad;
                t.PendingGrad = null;
                if (g is null) continue;
                g = t.ApplyHooks(g);
                var node = t.GradFn;
                if (node is null || t.RetainsGrad) t.AccumulateGrad(g);
                if (node is null) continue;
                node.Run(g);
                for (int j = 0; j < node.InputCount; j++)
                {
                    var input = node.Input(j);
                    var gi = node.Result(j);
                    if (gi is null || !input.RequiresGrad) continue;
                    if (!Shapes.Equal(gi.Dims, input.Dims))
                        throw new InvalidOperationException($"The backward of '{node.Name}' returned a gradient of shape {Shapes.Format(gi.Dims)} for input {j} of shape {Shapes.Format(input.Dims)}.");
                    if (IsAnomalyDetectionEnabled) CheckFinite(node, j, gi);
                    input.PendingGrad = input.PendingGrad is null ? gi : input.PendingGrad.Add(gi);
                }
                node.Clear();
            }
        }
        finally
        {
            foreach (var t in order) t.PendingGrad = null;
            order.Clear();
        }
    }

    private static void CheckFinite(GradNode node, int input, Tensor gradient)
    {
        var values = gradient.Contiguous().AsReadOnlySpan();
        if (TensorPrimitives.IsFiniteAll(values)) return;
        string what = TensorPrimitives.IsNaNAny(values) ? "NaN" : "infinity";
        throw new ArithmeticException($"Autograd anomaly: the backward of '{node.Name}' produced {what} in the gradient of its input {input} (shape {Shapes.Format(gradient.Dims)}).");
    }

    /// <summary>Tensors needing a gradient, each after all tensors it depends on (iterative
    /// post-order DFS, so deep graphs cannot overflow the stack).</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        int stamp = ++t_visitStamp;
        var order = t_order ??= new List<Tensor>();
        var stack = t_stack ??= new Stack<(Tensor, bool)>();
        order.Clear();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (t, expanded) = stack.Pop();
            if (expanded) { order.Add(t); continue; }
            if (t.VisitStamp == stamp) continue;
            t.VisitStamp = stamp;
            stack.Push((t, true));
            if (t.GradFn is null) continue;
            for (int j = 0; j < t.GradFn.InputCount; j++)
            {
                var input = t.GradFn.Input(j);
                if (input.RequiresGrad && input.VisitStamp != stamp) stack.Push((input, false));
            }
        }
        return order;
    }
}
