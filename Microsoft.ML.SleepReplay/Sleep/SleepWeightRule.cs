using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// One application of the weight rule (ALGORITHMS.md B.8) to 16 weights: w ← w + δ·g(w), with the
/// constant factor of g folded into δ (the MATLAB g is 2·σ(−1000w), so its 2 goes into δ).
/// Everything is lane-wise, so a weight's result does not depend on where it sits in a vector;
/// σ is 1/(1 + e^(−x)) with <see cref="Vector512.Exp(Vector512{float})"/>, which gives the same bits as
/// TensorPrimitives.Sigmoid on spans of four or more values.
/// </summary>
internal static class SleepWeightRule
{
    /// <summary>δ for a weight whose pre neuron spiked (+inc) or did not (−dec), with g's constant folded in.</summary>
    public static float Delta(bool preSpiked, double increase, double decrease, SleepWeightFunction function)
    {
        double scale = function switch
        {
            SleepWeightFunction.MatlabSigmoid => 2,
            SleepWeightFunction.PythonSigmoid or SleepWeightFunction.Constant => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown sleep weight function."),
        };
        return preSpiked ? (float)(increase * scale) : (float)(-decrease * scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Apply(Vector512<float> w, Vector512<float> delta, SleepWeightFunction function) => function switch
    {
        SleepWeightFunction.Constant => w + delta,
        SleepWeightFunction.PythonSigmoid => Vector512.FusedMultiplyAdd(Sigmoid(w), delta, w),
        _ => Vector512.FusedMultiplyAdd(Sigmoid(w * Vector512.Create(-1000f)), delta, w),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Sigmoid(Vector512<float> x) => Vector512<float>.One / (Vector512<float>.One + Vector512.Exp(-x));
}
