using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class PruneGrowRuleTests
{
    [TestMethod]
    public void HebbianKeep_PrunesEveryTieAtTheThreshold()
    {
        float[] w = [1, 2, 3, 4, 0];
        int[] c = [5, 1, 1, 7, 0];

        // |A| = 4, k = floor(0.25·4) = 1, threshold = 1: both connections counting 1 go.
        var keep = PruneGrowRule.HebbianKeep(w, c, tau: 0.25);

        CollectionAssert.AreEqual(new[] { true, false, false, true, false }, keep);
    }

    [TestMethod]
    public void HebbianKeep_WhenFloorGivesZero_KeepsEveryActiveConnection()
    {
        float[] w = [1, 2, 3, 4, 0];
        int[] c = [5, 1, 1, 7, 0];

        var keep = PruneGrowRule.HebbianKeep(w, c, tau: 0.2); // floor(0.8) = 0

        CollectionAssert.AreEqual(new[] { true, true, true, true, false }, keep);
    }

    [TestMethod]
    public void MagnitudeKeep_PrunesTheWeightsNearestZeroOnEachSide()
    {
        float[] w = [0.5f, 0.1f, 0.3f, -0.2f, -0.05f, -0.4f, 0];

        // Positives: kp = floor(0.5·3) = 1, threshold 0.1 → keep 0.5, 0.3.
        // Negatives: kn = floor(0.5·3) = 1, threshold −0.4 → keep −0.4.
        var keep = PruneGrowRule.MagnitudeKeep(w, zeta: 0.5);

        CollectionAssert.AreEqual(new[] { true, false, true, false, false, true, false }, keep);
    }

    [TestMethod]
    public void MagnitudeKeep_WithTooFewPositivesToPrune_KeepsEveryWeightAboveMinusOne()
    {
        // kp = floor(0.4·1) = 0 sets the positive threshold to −1, which (as in the reference) also keeps the
        // negatives above −1 that the negative rule (kn = floor(0.6·2) = 1, threshold −0.9) would not keep.
        float[] w = [0.5f, -0.2f, -0.9f];

        var keep = PruneGrowRule.MagnitudeKeep(w, zeta: 0.4);

        CollectionAssert.AreEqual(new[] { true, true, true }, keep);
    }

    [TestMethod]
    public void Keep_WithBothCriteria_PrunesOnlyWhatBothReject()
    {
        float[] w = [0.9f, 0.1f, 0.2f, 0.8f];
        int[] c = [1, 9, 2, 8];
        // Hebbian τ = 0.5: k = 2, threshold 2 → keeps positions 1, 3. Magnitude ζ = 0.5: kp = 2, threshold 0.2 → keeps 0, 3.
        var settings = new PruneGrowSettings(HebbianPrunePercent: 0.5, WeightPrunePercent: 0.5, HebbianGrow: false);

        var keep = PruneGrowRule.Keep(w, c, settings);

        CollectionAssert.AreEqual(new[] { true, true, false, true }, keep);
    }

    [TestMethod]
    public void Keep_WithZeroPercentages_KeepsEveryActiveConnection()
    {
        float[] w = [0.9f, 0, -0.2f];
        var settings = new PruneGrowSettings(HebbianPrunePercent: 0, WeightPrunePercent: 0, HebbianGrow: false);

        var keep = PruneGrowRule.Keep(w, [0, 0, 0], settings);

        CollectionAssert.AreEqual(new[] { true, false, true }, keep);
    }

    [TestMethod]
    public void Grow_Hebbian_AddsTheHighestCoactivationFreePositions()
    {
        bool[] free = [true, true, true, true, false];
        int[] c = [3, 9, 8, 1, 100];

        // k = 4 − 2 = 2, threshold = 2nd smallest free count = 3 → counts 9 and 8 grow; the busy position 4 cannot.
        var add = PruneGrowRule.Grow(free, c, count: 2, hebbian: true, new Random(0));

        CollectionAssert.AreEqual(new[] { false, true, true, false, false }, add);
    }

    [TestMethod]
    public void Grow_Hebbian_WithTiesAtTheThreshold_AddsFewer()
    {
        bool[] free = [true, true, true, true];
        int[] c = [9, 9, 9, 1];

        var add = PruneGrowRule.Grow(free, c, count: 1, hebbian: true, new Random(0)); // threshold 9, none exceeds it

        Assert.AreEqual(0, add.Count(a => a));
    }

    [TestMethod]
    public void Grow_Random_AddsExactlyTheCountFromFreePositionsOnly_AndRepeatsForASeed()
    {
        var free = Enumerable.Range(0, 50).Select(i => i % 3 != 0).ToArray();

        var first = PruneGrowRule.Grow(free, [], count: 12, hebbian: false, new Random(7));
        var again = PruneGrowRule.Grow(free, [], count: 12, hebbian: false, new Random(7));

        Assert.AreEqual(12, first.Count(a => a));
        Assert.IsTrue(first.Select((a, i) => !a || free[i]).All(ok => ok), "grew on an occupied position");
        CollectionAssert.AreEqual(first, again);
    }

    [TestMethod]
    public void Grow_WhenAskedForMoreThanAreFree_AddsAllFreePositions()
    {
        bool[] free = [true, false, true];

        var add = PruneGrowRule.Grow(free, [4, 4, 4], count: 5, hebbian: true, new Random(0));

        CollectionAssert.AreEqual(free, add);
    }

    [TestMethod]
    public void Apply_RefillsToTheConnectionCount_WithoutRegrowingWhatItPruned()
    {
        // Six active weights; magnitude ζ = 0.5 prunes 0.1 (kp = floor(0.5·3) = 1) and −0.05, −0.2
        // (kn = floor(0.5·3) = 1, keep ≤ −0.4). Six positions are free.
        float[] w = [0.5f, 0.1f, 0.3f, -0.2f, -0.05f, -0.4f, 0, 0, 0, 0, 0, 0];
        var mask = new bool[w.Length];
        var before = w.ToArray();
        var settings = new PruneGrowSettings(null, 0.5, HebbianGrow: false);

        var outcome = PruneGrowRule.Apply(w, [], mask, connectionCount: 6, settings, new Random(1));

        Assert.AreEqual(new PruneGrowOutcome(Active: 6, Pruned: 3, Regrown: 3, Connections: 6), outcome);
        Assert.AreEqual(6, mask.Count(m => m));
        for (int i = 0; i < 6; i++)
            Assert.AreEqual(i is 0 or 2 or 5, mask[i], $"position {i}: a pruned connection came back or a kept one vanished");
        for (int i = 0; i < w.Length; i++)
            Assert.AreEqual(mask[i] && i < 6 ? before[i] : 0f, w[i], $"weight {i}");
    }

    [TestMethod]
    public void Apply_WithHebbianPruneAndHebbianGrow_MovesConnectionsToBusyPositions()
    {
        float[] w = [1, 1, 0, 0];
        int[] c = [0, 5, 7, 2];
        var mask = new bool[4];
        // τ = 0.5: k = 1, threshold 0 → prune position 0. Grow 1: free {2, 3}, k = 1, threshold 2 → position 2.
        var settings = new PruneGrowSettings(0.5, null, HebbianGrow: true);

        var outcome = PruneGrowRule.Apply(w, c, mask, connectionCount: 2, settings, new Random(0));

        CollectionAssert.AreEqual(new[] { false, true, true, false }, mask);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 0f, 0f }, w);
        Assert.AreEqual(new PruneGrowOutcome(2, 1, 1, 2), outcome);
    }

    [TestMethod]
    public void Keep_WithAPercentageAboveOne_ThrowsNamingIt()
    {
        var settings = new PruneGrowSettings(1.5, null, false);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PruneGrowRule.Keep([1f], [1], settings));
        Assert.AreEqual("HebbianPrunePercent", error.ParamName);
    }
}
