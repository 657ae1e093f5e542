using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

/// <summary>One or two steps of each optimizer on a single weight θ = 1, with the expected values
/// worked out by hand from the update rules (PyTorch's).</summary>
[TestClass]
public sealed class OptimizerTests
{
    private static Tensor Weight(float value = 1f) => Tensor.FromArray([value]).RequireGrad();

    /// <summary>Sets the gradient by hand and steps.</summary>
    private static void StepWith(Optimizer optimizer, Tensor weight, float gradient)
    {
        optimizer.ZeroGrad();
        (weight * gradient).Sum().Backward();
        optimizer.Step();
    }

    [TestMethod]
    public void Sgd_WithWeightDecay_AddsDecayToTheGradient()
    {
        // g' = 0.5 + 0.1·1 = 0.6; θ = 1 − 0.1·0.6 = 0.94.
        var w = Weight();
        StepWith(new Sgd([w], 0.1, weightDecay: 0.1), w, 0.5f);
        Assert.AreEqual(0.94f, w.Item(), 1e-6f);
    }

    [TestMethod]
    public void Sgd_WithMomentum_StartsTheBufferAtTheGradient()
    {
        // b₁ = 0.5, θ₁ = 1 − 0.05 = 0.95; b₂ = 0.9·0.5 + 0.5 = 0.95, θ₂ = 0.95 − 0.095 = 0.855.
        var w = Weight();
        var sgd = new Sgd([w], 0.1, momentum: 0.9);
        StepWith(sgd, w, 0.5f);
        Assert.AreEqual(0.95f, w.Item(), 1e-6f);
        StepWith(sgd, w, 0.5f);
        Assert.AreEqual(0.855f, w.Item(), 1e-6f);
    }

    [TestMethod]
    public void Sgd_WithNesterov_LooksAheadAlongTheBuffer()
    {
        // b₁ = 0.5, d = 0.5 + 0.45 = 0.95, θ₁ = 0.905; b₂ = 0.95, d = 0.5 + 0.855 = 1.355, θ₂ = 0.7695.
        var w = Weight();
        var sgd = new Sgd([w], 0.1, momentum: 0.9, nesterov: true);
        StepWith(sgd, w, 0.5f);
        Assert.AreEqual(0.905f, w.Item(), 1e-6f);
        StepWith(sgd, w, 0.5f);
        Assert.AreEqual(0.7695f, w.Item(), 1e-6f);
    }

    [TestMethod]
    public void Sgd_VectorisedAndScalarTails_AgreeWithTheRule()
    {
        // 19 elements exercise both the SIMD body and the scalar tail: θᵢ = 1 − 0.1·gᵢ with gᵢ = i.
        var w = Tensor.Ones(19).RequireGrad();
        var sgd = new Sgd([w], 0.1, momentum: 0.9);
        (w * Tensor.Arange(19)).Sum().Backward();
        sgd.Step();
        var values = w.ToArray();
        for (int i = 0; i < 19; i++) Assert.AreEqual(1f - 0.1f * i, values[i], 1e-5f);
    }

    [TestMethod]
    public void Sgd_OnAParameterLargeEnoughToSplitAcrossCores_FollowsTheRuleEverywhere()
    {
        // gᵢ = (i mod 7)/10; after two momentum steps θᵢ = 1 − 0.1·gᵢ − 0.1·1.9·gᵢ = 1 − 0.29·gᵢ.
        const int n = 300_001;
        var w = Tensor.Ones(n).RequireGrad();
        var coefficients = Tensor.FromArray(Enumerable.Range(0, n).Select(i => i % 7 / 10f).ToArray());
        var sgd = new Sgd([w], 0.1, momentum: 0.9);
        for (int step = 0; step < 2; step++)
        {
            sgd.ZeroGrad();
            (w * coefficients).Sum().Backward();
            sgd.Step();
        }
        var values = w.ToArray();
        for (int i = 0; i < n; i++) Assert.AreEqual(1f - 0.29f * (i % 7 / 10f), values[i], 1e-6f, $"element {i}");
    }

    [TestMethod]
    public void Adam_TwoSteps_MatchTheBiasCorrectedRule()
    {
        // Step 1: m̂ = 0.5, v̂ = 0.25 → θ = 1 − 0.1·0.5/0.5 = 0.9.
        // Step 2 (g = −1): m = −0.055, v = 0.00124975 → θ = 0.93661035 (worked in double).
        var w = Weight();
        var adam = new Adam([w], 0.1);
        StepWith(adam, w, 0.5f);
        Assert.AreEqual(0.9f, w.Item(), 1e-6f);
        StepWith(adam, w, -1f);
        Assert.AreEqual(0.93661035f, w.Item(), 1e-6f);
    }

    [TestMethod]
    public void Adam_VectorisedAndScalarTails_AgreeWithTheOneElementResult()
    {
        var w = Tensor.Ones(19).RequireGrad();
        var adam = new Adam([w], 0.1);
        StepWith(adam, w, 0.5f);
        StepWith(adam, w, -1f);
        foreach (float v in w.ToArray()) Assert.AreEqual(0.93661035f, v, 1e-6f);
    }

    [TestMethod]
    public void AdamW_DecaysTheWeightBeforeTheAdamStep()
    {
        // θ₁ = 1·(1 − 0.1·0.01) − 0.1 = 0.899; θ₂ = 0.93471135 (worked in double).
        var w = Weight();
        var adamw = new AdamW([w], 0.1);
        Assert.AreEqual(0.01, adamw.Groups[0].WeightDecay);
        StepWith(adamw, w, 0.5f);
        Assert.AreEqual(0.899f, w.Item(), 1e-6f);
        StepWith(adamw, w, -1f);
        Assert.AreEqual(0.93471135f, w.Item(), 1e-6f);
    }

    [TestMethod]
    public void ParameterGroups_OverrideTheOptimizerSettings()
    {
        var a = Weight();
        var b = Weight();
        var sgd = new Sgd([new ParameterGroup([a]), new ParameterGroup([b], learningRate: 1.0, weightDecay: 0)], 0.1, weightDecay: 0.5);
        sgd.ZeroGrad();
        (a * 0.5f + b * 0.5f).Sum().Backward();
        sgd.Step();
        Assert.AreEqual(1f - 0.1f * (0.5f + 0.5f), a.Item(), 1e-6f);
        Assert.AreEqual(0.5f, b.Item(), 1e-6f);
    }

    [TestMethod]
    public void Step_SkipsParametersWithoutGradients()
    {
        var a = Weight();
        var b = Weight();
        var sgd = new Sgd([a, b], 0.1, weightDecay: 1);
        (a * 1f).Sum().Backward();
        sgd.Step();
        Assert.AreEqual(1f, b.Item());
        Assert.AreEqual(0.8f, a.Item(), 1e-6f);
    }

    [TestMethod]
    public void ClipByGlobalNorm_ScalesAllGradientsToTheLimit()
    {
        // Gradients (3) and (4): joint norm 5; clipped to 1 → (0.6, 0.8) up to the 1e-6 guard.
        var a = Weight();
        var b = Weight();
        (a * 3f + b * 4f).Sum().Backward();
        double norm = GradientClipping.ClipByGlobalNorm([a, b], 1.0);
        Assert.AreEqual(5.0, norm, 1e-6);
        Assert.AreEqual(0.6f, a.Grad!.Item(), 1e-6f);
        Assert.AreEqual(0.8f, b.Grad!.Item(), 1e-6f);
    }

    [TestMethod]
    public void ClipByGlobalNorm_BelowTheLimit_LeavesGradientsAlone()
    {
        var a = Weight();
        (a * 0.5f).Sum().Backward();
        GradientClipping.ClipByGlobalNorm([a], 1.0);
        Assert.AreEqual(0.5f, a.Grad!.Item());
    }

    [TestMethod]
    public void StateDict_RoundTrip_ResumesMomentumExactly()
    {
        // Two optimizers: one runs 2 steps; the other runs 1, saves, is rebuilt from the file, runs 1.
        var path = Path.Combine(Path.GetTempPath(), $"sgd-state-{Guid.NewGuid():N}.safetensors");
        try
        {
            var w1 = Weight();
            var straight = new Sgd([w1], 0.1, momentum: 0.9);
            StepWith(straight, w1, 0.5f);
            StepWith(straight, w1, -0.25f);

            var w2 = Weight();
            var first = new Sgd([w2], 0.1, momentum: 0.9);
            StepWith(first, w2, 0.5f);
            first.Save(path);
            var resumed = new Sgd([w2], 0.5, momentum: 0.9);
            resumed.Load(path);
            Assert.AreEqual(0.1, resumed.LearningRate, 1e-7);
            Assert.AreEqual(1, resumed.StepCount);
            StepWith(resumed, w2, -0.25f);
            Assert.AreEqual(w1.Item(), w2.Item());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void LoadStateDict_ForAnotherShape_Throws()
    {
        var sgd = new Sgd([Weight()], 0.1, momentum: 0.9);
        var state = new Dictionary<string, Tensor> { ["0.momentum_buffer"] = Tensor.Zeros(3) };
        var ex = Assert.ThrowsExactly<ArgumentException>(() => sgd.LoadStateDict(state));
        StringAssert.Contains(ex.Message, "0.momentum_buffer");
    }
}
