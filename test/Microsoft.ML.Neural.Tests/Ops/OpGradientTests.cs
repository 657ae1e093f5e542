using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

/// <summary>Every differentiable op's gradient against finite differences (see <see cref="GradCheck"/>),
/// including broadcasting and non-contiguous inputs.</summary>
[TestClass]
public sealed class OpGradientTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradCheck.Random(seed, -1f, 1f, shape);

    [TestMethod]
    public void Add_WithBroadcasting_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0] + t[1], R(1, 3, 4), R(2, 4));

    [TestMethod]
    public void Sub_WithBroadcastColumn_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0] - t[1], R(1, 2, 3, 4), R(2, 3, 1));

    [TestMethod]
    public void Mul_WithBothSidesBroadcast_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0] * t[1], R(1, 3, 1), R(2, 1, 5));

    [TestMethod]
    public void Div_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0] / t[1], R(1, 2, 3), GradCheck.Random(2, 1f, 2f, 3));

    [TestMethod]
    public void ScalarOps_MatchFiniteDifferences() =>
        GradCheck.Check(t => (2f - t[0] * 3f + 1f) / 4f, R(1, 5));

    [TestMethod]
    public void BroadcastingArithmetic_OnRandomShapes_MatchesFiniteDifferences()
    {
        // Each trial draws a rank-1..3 shape, then knocks random dimensions of each operand down to 1
        // (and sometimes drops leading dimensions) so both sides broadcast.
        var g = new Generator(2024);
        for (int trial = 0; trial < 6; trial++)
        {
            int rank = 1 + g.NextInt(3);
            var full = Enumerable.Range(0, rank).Select(_ => 1 + g.NextInt(4)).ToArray();
            int[] Operand() => full.Skip(g.NextInt(rank)).Select(d => g.NextInt(3) == 0 ? 1 : d).ToArray();
            var a = GradCheck.Random((ulong)trial, -1f, 1f, Operand());
            var b = GradCheck.Random((ulong)trial + 100, 0.5f, 1.5f, Operand());
            GradCheck.Check(t => (t[0] + t[1]) * t[0] - t[0] / t[1], a, b);
        }
    }

    [TestMethod]
    public void BatchedMatMul_OnRandomShapes_MatchesFiniteDifferences()
    {
        var g = new Generator(7);
        for (int trial = 0; trial < 4; trial++)
        {
            int batch = 1 + g.NextInt(3), m = 1 + g.NextInt(4), k = 1 + g.NextInt(4), n = 1 + g.NextInt(4);
            GradCheck.Check(t => t[0].MatMul(t[1].Transpose(-1, -2)), R((ulong)trial, batch, m, k), R((ulong)trial + 50, batch, n, k));
        }
    }

    [TestMethod]
    public void MatMul_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].MatMul(t[1]), R(1, 3, 4), R(2, 4, 5));

    [TestMethod]
    public void MatMul_OfTransposedViews_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].T().MatMul(t[1].T()), R(1, 4, 3), R(2, 5, 4));

    [TestMethod]
    public void BatchedMatMul_WithBroadcastBatch_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].MatMul(t[1]), R(1, 2, 3, 4), R(2, 1, 4, 2));

    [TestMethod]
    public void BatchedMatMul_WithPermutedOperand_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Permute(1, 0, 2).MatMul(t[1]), R(1, 3, 2, 4), R(2, 4, 2));

    [TestMethod]
    public void Linear_WithBias_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Linear(t[1], t[2]), R(1, 3, 4), R(2, 5, 4), R(3, 5));

    [TestMethod]
    public void Linear_OnRank3InputWithoutBias_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Linear(t[1]), R(1, 2, 3, 4), R(2, 5, 4));

    [TestMethod]
    public void Linear_WithASharedWeight_AddsBothGradients() =>
        GradCheck.Check(t => t[0].Linear(t[1], t[2]) + t[3].Linear(t[1], t[2]), R(1, 3, 4), R(2, 5, 4), R(3, 5), R(4, 3, 4));

    [TestMethod]
    public void Linear_WeightHook_SeesAndReplacesTheWeightGradient()
    {
        // Without the hook dL/dW = gᵀx = [[1, 2]] for x = [[1, 2]] and L = sum(y); the hook doubles it.
        var w = Tensor.FromArray([0.5f, -0.5f], 1, 2).RequireGrad();
        var seen = new List<float[]>();
        w.RegisterHook(g => { seen.Add(g.ToArray()); return g * 2f; });
        Tensor.FromArray([1f, 2f], 1, 2).Linear(w).Sum().Backward();
        CollectionAssert.AreEqual(new[] { 1f, 2f }, seen.Single());
        CollectionAssert.AreEqual(new[] { 2f, 4f }, w.Grad!.ToArray());
    }

    [TestMethod]
    public void Sum_AlongAxes_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Sum([0, 2], keepDim: true) * t[0].Sum(1).Sum(), R(1, 2, 3, 4));

    [TestMethod]
    public void Mean_OfNonContiguousView_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Transpose(0, 1).Mean(1), R(1, 3, 4));

    [TestMethod]
    public void Max_AlongDim_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Max(1).Values, R(1, 3, 5));

    [TestMethod]
    public void ExpLogSqrtPow_MatchFiniteDifferences() =>
        GradCheck.Check(t => t[0].Exp() + t[0].Log() + t[0].Sqrt() + t[0].Pow(1.5f) + t[0].Square(), GradCheck.Random(1, 0.5f, 2f, 2, 3));

    [TestMethod]
    public void Activations_MatchFiniteDifferences() =>
        GradCheck.Check(t => t[0].Relu() + t[0].Sigmoid() + t[0].Tanh() + t[0].Gelu() + t[0].Abs(), GradCheck.AwayFromZero(1, 3, 4));

    [TestMethod]
    public void Softmax_AlongInnerAndOuterDims_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Softmax(-1) + t[0].Softmax(0), R(1, 3, 4));

    [TestMethod]
    public void LogSoftmax_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].LogSoftmax(1), R(1, 2, 5, 3));

    [TestMethod]
    public void CrossEntropy_WithClassWeights_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].CrossEntropy([2, 0, 1, 2], Tensor.FromArray([0.5f, 1f, 2f])), R(1, 4, 3));

    [TestMethod]
    public void CrossEntropy_WithoutReduction_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].CrossEntropy([1, 0, -100], reduction: Reduction.None), R(1, 3, 4));

    [TestMethod]
    public void NllLoss_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].LogSoftmax().NllLoss([1, 3], reduction: Reduction.Sum), R(1, 2, 4));

    [TestMethod]
    public void MseLoss_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].MseLoss(t[1]), R(1, 3, 2), R(2, 3, 2));

    [TestMethod]
    public void Views_ReshapeSliceSelectSqueeze_MatchFiniteDifferences() =>
        GradCheck.Check(t => t[0].Reshape(4, 6).Slice(1, 1, 6, 2).Select(0, 2).Unsqueeze(0).Squeeze() * t[0].Flatten().Slice(0, 0, 3), R(1, 2, 3, 4));

    [TestMethod]
    public void Expand_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Expand(2, 3, 4) * t[1], R(1, 3, 1), R(2, 2, 3, 4));

    [TestMethod]
    public void Clamp_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].Clamp(-0.5f, 0.5f), GradCheck.Random(1, -0.4f, 0.4f, 6));
}
