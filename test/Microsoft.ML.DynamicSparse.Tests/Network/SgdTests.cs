using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class SgdTests
{
    [TestMethod]
    public void Update_AddsDecayToTheGradient_ThenStepsAlongTheMomentum()
    {
        // 19 values: two full vectors and a scalar tail.
        var random = new Random(4);
        var parameters = Enumerable.Range(0, 19).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var gradients = Enumerable.Range(0, 19).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var velocity = Enumerable.Range(0, 19).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var p0 = parameters.ToArray();
        var v0 = velocity.ToArray();

        new Sgd(LearningRate: 0.1f, Momentum: 0.9f, WeightDecay: 0.01f).Update(parameters, gradients, velocity);

        for (int i = 0; i < 19; i++)
        {
            double v = 0.9 * v0[i] + gradients[i] + 0.01 * p0[i];
            Assert.AreEqual(v, velocity[i], 1e-6, $"velocity {i}");
            Assert.AreEqual(p0[i] - 0.1 * v, parameters[i], 1e-6, $"parameter {i}");
        }
    }
}
