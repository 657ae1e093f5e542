namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class SelfOrganizingMapTests
{
    // 2×2 map in scan order: cell 0 (0,0), cell 1 (1,0), cell 2 (1,0), cell 3 (0.5,0.5).
    private static SelfOrganizingMap TieMap() => SomBuilder.Map(2, 2, [0f, 0f, 1f, 0f, 1f, 0f, 0.5f, 0.5f]);

    [TestMethod]
    public void FindBestMatch_WithEqualDistances_PicksFirstCellInScanOrder()
    {
        var map = TieMap();
        // (0.5, 0) is 0.25 away from cells 0, 1, 2 and 3.
        int winner = map.FindBestMatch([0.5f, 0f], out float distance);
        Assert.AreEqual(0, winner);
        Assert.AreEqual(0.25f, distance, 1e-7f);
    }

    [TestMethod]
    public void FindClassWinner_WithEqualDistances_PicksLastEqualCell()
    {
        var map = TieMap();
        SomBuilder.Label(map, [0, 2, 2, 1], [0, 100, 100, 100]);
        Assert.AreEqual(2, map.FindClassWinner([1f, 0f], 2, out float distance));
        Assert.AreEqual(0f, distance);
    }

    [TestMethod]
    public void FindClassWinner_NeverPicksUnlabelledCells()
    {
        var map = TieMap();
        SomBuilder.Label(map, [0, 0, 1, 0], [0, 0, 60, 0]);
        // Cell 0 sits exactly on the activation but carries no label; cell 2 (label 1) is 1 away.
        Assert.AreEqual(2, map.FindClassWinner([0f, 0f], 1, out float distance));
        Assert.AreEqual(1f, distance);
    }

    [TestMethod]
    public void FindClassWinner_WithoutCellOfThatClass_ReturnsMinusOne()
    {
        var map = TieMap();
        SomBuilder.Label(map, [1, 1, 2, 0], [100, 100, 100, 0]);
        Assert.AreEqual(-1, map.FindClassWinner([0f, 0f], 3, out _));
    }

    [TestMethod]
    public void Update_WithChebyshevRadiusOne_MovesAllEightNeighboursByHalfTheRate()
    {
        var map = SomBuilder.Map(3, 1, new float[9]);
        Assert.IsTrue(map.Update([1f], 4, 1f, 0.4f, 1));
        CollectionAssert.AreEqual(new[] { 0.2f, 0.2f, 0.2f, 0.2f, 0.4f, 0.2f, 0.2f, 0.2f, 0.2f }, map.PrototypeValues);
    }

    [TestMethod]
    public void Update_WithManhattanRadiusOne_LeavesDiagonalCellsAlone()
    {
        var map = SomBuilder.Map(3, 1, new float[9], distance: GridDistance.Manhattan);
        map.Update([1f], 4, 1f, 0.4f, 1);
        CollectionAssert.AreEqual(new[] { 0f, 0.2f, 0f, 0.2f, 0.4f, 0.2f, 0f, 0.2f, 0f }, map.PrototypeValues);
    }

    [TestMethod]
    public void Update_WithManhattanRadiusTwo_MovesDiagonalCellsByAQuarterOfTheRate()
    {
        var map = SomBuilder.Map(3, 1, new float[9], distance: GridDistance.Manhattan);
        map.Update([1f], 4, 1f, 0.4f, 2);
        CollectionAssert.AreEqual(new[] { 0.1f, 0.2f, 0.1f, 0.2f, 0.4f, 0.2f, 0.1f, 0.2f, 0.1f }, map.PrototypeValues);
    }

    [TestMethod]
    public void Update_AtTheGridCorner_ClipsTheWindow()
    {
        var map = SomBuilder.Map(3, 1, new float[9]);
        map.Update([2f], 0, 4f, 0.5f, 2);
        // Chebyshev distances from (0,0): 0 | 1 1 1 | 2 2 2 2 2; rates 0.5, 0.25, 0.125 toward 2.
        CollectionAssert.AreEqual(new[] { 1f, 0.5f, 0.25f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f, 0.25f }, map.PrototypeValues);
    }

    [TestMethod]
    public void Update_WhenWinnerIsWithinSkipDistance_ChangesNothing()
    {
        var map = SomBuilder.Map(3, 1, new float[9]);
        Assert.IsFalse(map.Update([0.01f], 4, 1e-4f, 0.4f, 1));
        CollectionAssert.AreEqual(new float[9], map.PrototypeValues);
    }

    [TestMethod]
    public void ComputeSquaredDistances_MatchesDirectSums()
    {
        var random = new Random(3);
        var map = SelfOrganizingMap.CreateRandom(4, 7, 2, GridDistance.Chebyshev, random);
        var activations = Enumerable.Range(0, 3 * 7).Select(_ => random.NextSingle()).ToArray();
        var distances = new float[3 * map.CellCount];
        map.ComputeSquaredDistances(activations, 3, distances);
        for (int b = 0; b < 3; b++)
            for (int cell = 0; cell < map.CellCount; cell++)
            {
                var a = activations.AsSpan(b * 7, 7);
                var p = map.GetPrototype(cell);
                float direct = 0f;
                for (int i = 0; i < 7; i++) direct += (a[i] - p[i]) * (a[i] - p[i]);
                Assert.AreEqual(direct, distances[b * map.CellCount + cell], 1e-5f);
            }
    }

    [TestMethod]
    public void ComputeSquaredDistances_AfterAnUpdate_SeesTheMovedPrototypes()
    {
        var map = SomBuilder.Map(1, 2, [0f, 0f]);
        var distances = new float[1];
        map.ComputeSquaredDistances([1f, 1f], 1, distances);
        Assert.AreEqual(2f, distances[0], 1e-6f);
        map.Update([1f, 1f], 0, 2f, 0.5f, 0);                      // prototype → (0.5, 0.5)
        map.ComputeSquaredDistances([1f, 1f], 1, distances);
        Assert.AreEqual(0.5f, distances[0], 1e-6f);
    }

    [TestMethod]
    public void ComputeSquaredDistances_ForOneActivation_MatchesDirectSumsInEveryBlockAndTail()
    {
        // 3×3 = 9 cells (two blocks of four and one left over), dimension 37 (two SIMD widths and a tail of 5).
        var random = new Random(8);
        var map = SelfOrganizingMap.CreateRandom(3, 37, 2, GridDistance.Chebyshev, random);
        var activation = Enumerable.Range(0, 37).Select(_ => random.NextSingle()).ToArray();
        var distances = new float[9];
        map.ComputeSquaredDistances(activation, distances);
        for (int cell = 0; cell < 9; cell++)
        {
            double direct = 0;
            for (int i = 0; i < 37; i++) direct += Math.Pow(activation[i] - map.GetPrototype(cell)[i], 2);
            Assert.AreEqual(direct, distances[cell], 1e-4);
        }
    }

    [TestMethod]
    public void FindBestMatches_AndClassWinners_FollowTheSameTieRulesAsTheOnlineSearch()
    {
        var map = TieMap();
        SomBuilder.Label(map, [0, 2, 2, 1], [0, 100, 100, 100]);
        float[] distances = [0.25f, 0.25f, 0.25f, 0.25f, 1f, 0f, 0f, 0.5f];
        var winners = new int[2];
        map.FindBestMatches(distances, winners);
        CollectionAssert.AreEqual(new[] { 0, 1 }, winners);
        map.FindClassWinners(distances, [2, 3], winners);
        CollectionAssert.AreEqual(new[] { 2, -1 }, winners);
    }

    [TestMethod]
    public void UpdateBatch_MovesEachPrototypeByTheMeanOfTheOnlineSteps()
    {
        var map = SomBuilder.Map(1, 1, [0f]);
        // Both rows win the single cell: online steps would be 0.5·(1 − 0) and 0.5·(3 − 0); their mean is 1.
        map.UpdateBatch([1f, 3f], 2, [0, 0], [1f, 9f], 0.5f, 0);
        Assert.AreEqual(1f, map.PrototypeValues[0], 1e-6f);
    }

    [TestMethod]
    public void UpdateBatch_WithOneRow_EqualsTheOnlineUpdate()
    {
        var random = new Random(5);
        var batch = SelfOrganizingMap.CreateRandom(5, 4, 2, GridDistance.Chebyshev, random);
        var online = batch.Clone();
        float[] activation = [0.1f, 0.9f, 0.4f, 0.6f];
        int winner = online.FindBestMatch(activation, out float distance);
        online.Update(activation, winner, distance, 0.3f, 2);
        batch.UpdateBatch(activation, 1, [winner], [distance], 0.3f, 2);
        for (int i = 0; i < online.PrototypeValues.Length; i++)
            Assert.AreEqual(online.PrototypeValues[i], batch.PrototypeValues[i], 1e-6f);
    }

    [TestMethod]
    public void UpdateBatch_WithOverlappingNeighbourhoods_EqualsTheMeanOfOnlineStepsFromTheSameStart()
    {
        // Five rows on a 4×4 map with radius 1: windows overlap, several rows share a winner, and one row sits
        // exactly on its prototype (distance 0, so it pulls nothing). Reference: each row's online step taken
        // from the same starting map, the changes averaged over the batch.
        var random = new Random(11);
        var start = SelfOrganizingMap.CreateRandom(4, 3, 2, GridDistance.Chebyshev, random);
        const int batch = 5, dim = 3;
        var activations = new float[batch * dim];
        for (int i = 0; i < activations.Length; i++) activations[i] = (float)random.NextDouble();
        start.PrototypeValues.AsSpan(6 * dim, dim).CopyTo(activations.AsSpan(4 * dim, dim));
        var winners = new int[batch];
        var distances = new float[batch];
        for (int b = 0; b < batch; b++) winners[b] = start.FindBestMatch(activations.AsSpan(b * dim, dim), out distances[b]);

        var expected = (float[])start.PrototypeValues.Clone();
        for (int b = 0; b < batch; b++)
        {
            var online = start.Clone();
            online.Update(activations.AsSpan(b * dim, dim), winners[b], distances[b], 0.4f, 1);
            for (int i = 0; i < expected.Length; i++) expected[i] += (online.PrototypeValues[i] - start.PrototypeValues[i]) / batch;
        }
        var batched = start.Clone();
        batched.UpdateBatch(activations, batch, winners, distances, 0.4f, 1);

        Assert.AreEqual(0f, distances[4]);
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], batched.PrototypeValues[i], 1e-6f, $"component {i}");
    }

    [TestMethod]
    public void ComputeError_ScalesTheGapToThePrototypeByTheReliability()
    {
        var map = SomBuilder.Map(1, 2, [1f, 0f]);
        SomBuilder.Label(map, [1], [80]);
        var error = new float[2];
        map.ComputeError([0.5f, 0.5f], 0, error);
        Assert.AreEqual(0.4f, error[0], 1e-7f);
        Assert.AreEqual(-0.4f, error[1], 1e-7f);
    }

    [TestMethod]
    public void RemoveComponent_DropsThatComponentFromEveryPrototypeAndKeepsLabels()
    {
        var map = SomBuilder.Map(1, 3, [1f, 2f, 3f]);
        SomBuilder.Label(map, [2], [70]);
        map.RemoveComponent(1);
        Assert.AreEqual(2, map.Dimension);
        CollectionAssert.AreEqual(new[] { 1f, 3f }, map.GetPrototype(0).ToArray());
        Assert.AreEqual(2, map.Labels[0]);
        Assert.AreEqual(70, map.Reliabilities[0]);
    }

    [TestMethod]
    public void ComputeUMatrix_AveragesTheDistanceToAllGridNeighbours()
    {
        var map = SomBuilder.Map(2, 1, [0f, 0f, 0f, 3f]);
        var u = map.ComputeUMatrix();
        // Cell 0's neighbours are 0, 0 and 3 away; cell 3's are all 3 away.
        Assert.AreEqual(1f, u[0], 1e-6f);
        Assert.AreEqual(3f, u[3], 1e-6f);
    }

    [TestMethod]
    public void CellIndex_NumbersCellsInTheReferenceScanOrder()
    {
        var map = SomBuilder.Map(3, 1, new float[9]);
        Assert.AreEqual(5, map.CellIndex(1, 2));           // the reference's x = 2, y = 3
        Assert.AreEqual((2, 0), map.CellPosition(6));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => map.CellIndex(3, 0));
    }

    [TestMethod]
    public void FindBestMatch_WithWrongActivationLength_NamesBothLengths()
    {
        var map = TieMap();
        var error = Assert.ThrowsExactly<ArgumentException>(() => map.FindBestMatch([1f, 2f, 3f], out _));
        StringAssert.Contains(error.Message, "length 2, got 3");
    }
}
