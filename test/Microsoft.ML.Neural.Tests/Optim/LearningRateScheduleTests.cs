using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class LearningRateScheduleTests
{
    private static Sgd Optimizer(double lr = 1.0) => new([Tensor.Zeros(1).RequireGrad()], lr);

    private static double[] Rates(LearningRateSchedule schedule, int steps)
    {
        var rates = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            rates[i] = schedule.LastLearningRate;
            schedule.Step();
        }
        return rates;
    }

    private static void AssertRates(double[] expected, double[] actual)
    {
        Assert.HasCount(expected.Length, actual);
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-12, $"step {i}");
    }

    [TestMethod]
    public void StepSchedule_DecaysEveryStepSize() =>
        AssertRates([1, 1, 0.5, 0.5, 0.25], Rates(new StepSchedule(Optimizer(), 2, 0.5), 5));

    [TestMethod]
    public void MultiStepSchedule_DecaysAtMilestones() =>
        AssertRates([2, 0.2, 0.2, 0.02, 0.02], Rates(new MultiStepSchedule(Optimizer(2), [3, 1], 0.1), 5));

    [TestMethod]
    public void WarmupLinearSchedule_RisesThenFallsToZero() =>
        AssertRates([0, 0.5, 1, 2.0 / 3, 1.0 / 3, 0, 0], Rates(new WarmupLinearSchedule(Optimizer(), 2, 5), 7));

    [TestMethod]
    public void CosineSchedule_FollowsHalfACosineThenHolds() =>
        AssertRates([1, 0.85355339059327373, 0.5, 0.14644660940672627, 0, 0], Rates(new CosineSchedule(Optimizer(), 4), 6));

    [TestMethod]
    public void Restore_JumpsToTheStep()
    {
        var schedule = new StepSchedule(Optimizer(), 1, 0.5);
        schedule.Restore(3);
        Assert.AreEqual(0.125, schedule.LastLearningRate, 1e-12);
    }
}
