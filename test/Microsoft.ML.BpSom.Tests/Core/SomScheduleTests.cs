namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class SomScheduleTests
{
    [TestMethod]
    public void LearningRate_FallsLinearlyFromNearMaximumToMinimum()
    {
        Assert.AreEqual(0.1985f, SomSchedule.LearningRate(1, 100, 0.05f, 0.2f), 1e-6f);  // 0.05 + 0.99 · 0.15
        Assert.AreEqual(0.125f, SomSchedule.LearningRate(50, 100, 0.05f, 0.2f), 1e-6f);
        Assert.AreEqual(0.05f, SomSchedule.LearningRate(100, 100, 0.05f, 0.2f), 1e-7f);
    }

    [TestMethod]
    public void Radius_FallsQuarticallyWithRounding()
    {
        Assert.AreEqual(2, SomSchedule.Radius(1, 100, 0, 2));   // floor(0.99⁴ · 2 + 0.5) = floor(2.42)
        Assert.AreEqual(1, SomSchedule.Radius(17, 100, 0, 2));  // floor(0.83⁴ · 2 + 0.5) = floor(1.45)
        Assert.AreEqual(0, SomSchedule.Radius(50, 100, 0, 2));  // floor(0.0625 · 2 + 0.5) = 0
        Assert.AreEqual(1, SomSchedule.Radius(100, 100, 1, 3));
    }

    [TestMethod]
    public void Schedules_RejectEpochsOutsideOneToN()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SomSchedule.Radius(0, 10, 0, 2));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SomSchedule.LearningRate(11, 10, 0.05f, 0.2f));
    }
}
