namespace Microsoft.ML.Neural;

/// <summary>Gradient clipping.</summary>
public static class GradientClipping
{
    /// <summary>Scales all gradients by max/(‖g‖ + 1e-6) when their joint L2 norm ‖g‖ exceeds
    /// <paramref name="maxNorm"/> (PyTorch's clip_grad_norm_); returns ‖g‖ before clipping.</summary>
    public static double ClipByGlobalNorm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "ClipByGlobalNorm: the maximum norm must be positive.");
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToList();
        double sumSquares = 0;
        foreach (var g in grads) sumSquares += TensorPrimitives.SumOfSquares(g.ContiguousData().AsReadOnlySpan());
        double norm = Math.Sqrt(sumSquares);
        double coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1)
            using (Autograd.NoGrad())
                foreach (var g in grads) g.MulInPlace((float)coefficient);
        return norm;
    }
}
