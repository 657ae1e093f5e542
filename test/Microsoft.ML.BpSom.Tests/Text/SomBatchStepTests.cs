namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class SomBatchStepTests
{
    // A 2×2 map over 2-D activations: cell 0 (0,0) label 1 rel 100, cell 1 (1,0) label 2 rel 100,
    // cell 2 (0,1) label 1 rel 80, cell 3 (1,1) label 2 rel 90.
    private static SelfOrganizingMap Map()
    {
        var map = SomBuilder.Map(2, 2, [0f, 0f, 1f, 0f, 0f, 1f, 1f, 1f], classCount: 2);
        SomBuilder.Label(map, [1, 2, 1, 2], [100, 100, 80, 90]);
        return map;
    }

    [TestMethod]
    public void Run_SwitchesTheErrorOnOnlyWhereTheClassWinnerIsReliable()
    {
        var step = new SomBatchStep();
        // Row 0 (class 1): class winner cell 0, rel 100 ≥ 95. Row 1 (class 2): class winner cell 3, rel 90 < 95.
        step.Run(Map(), [0.9f, 0.1f, 0.1f, 0.8f], [0, 1], rows: 2, learningRate: 0.5f, radius: 1, reliabilityThreshold: 95);
        CollectionAssert.AreEqual(new[] { true, false }, step.ErrorOn);
        Assert.AreEqual(1, step.UsedRows);
        Approx.AreEqual([0f, 0f], step.Errors.AsSpan(2, 2));
    }

    [TestMethod]
    public void Run_UpdatesRowByRowAroundEachWinner_AndTakesTheErrorFromTheUpdatedPrototype()
    {
        var map = Map();
        var step = new SomBatchStep();
        step.Run(map, [0.9f, 0.1f, 0.1f, 0.8f], [0, 1], rows: 2, learningRate: 0.5f, radius: 1, reliabilityThreshold: 95);
        // Row 0's winner is cell 1 (distance 0.02): cell 1 moves by 0.5, cells at Chebyshev distance 1 (all others) by 0.25:
        // cell 0 → (0.225, 0.025), cell 2 → (0.225, 0.775). Row 1's winner (found before the update) is cell 2:
        // cell 2 → (0.1625, 0.7875), and cell 0 moves by 0.25 toward (0.1, 0.8) → (0.19375, 0.21875).
        Approx.AreEqual([0.19375f, 0.21875f], map.GetPrototype(0));
        Approx.AreEqual([0.1625f, 0.7875f], map.GetPrototype(2));
        // Row 0's error: 0.01 · 100 · (p₀ − a) with the updated p₀.
        Approx.AreEqual([-0.70625f, 0.11875f], step.Errors.AsSpan(0, 2), 1e-6f);
    }
}
