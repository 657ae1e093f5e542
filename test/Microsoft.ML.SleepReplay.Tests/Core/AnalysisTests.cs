using Microsoft.ML.Datasets;

namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class AnalysisTests
{
    [TestMethod]
    public void StableRank_OfDiagonalThreeFour_IsTwentyFiveOverSixteen()
    {
        Assert.AreEqual(25.0 / 16.0, MatrixAnalysis.StableRank([3f, 0f, 0f, 4f], 2, 2), 1e-5);
    }

    [TestMethod]
    public void StableRank_OfARankOneMatrix_IsOne()
    {
        // Outer product (1, 2, 3)ᵀ(1, −1).
        Assert.AreEqual(1.0, MatrixAnalysis.StableRank([1f, -1f, 2f, -2f, 3f, -3f], 3, 2), 1e-5);
    }

    [TestMethod]
    public void TruncateRank_KeepsTheLargestSingularDirections()
    {
        // 4×3 with singular values 5, 2, 1 on the diagonal; rank 2 drops the 1.
        float[] w = [5, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0];
        var r = MatrixAnalysis.TruncateRank(w, 4, 3, 2, new Random(1));
        float[] expected = [5, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0];
        for (int i = 0; i < w.Length; i++) Assert.AreEqual(expected[i], r[i], 1e-4f, $"entry {i}");
    }

    [TestMethod]
    public void Cosine_OfOrthogonalAndParallelVectors()
    {
        Assert.AreEqual(0.0, ActivationSummary.Cosine([1.0, 0.0], [0.0, 2.0]), 1e-12);
        Assert.AreEqual(1.0, ActivationSummary.Cosine([1.0, 2.0], [2.0, 4.0]), 1e-12);
    }

    [TestMethod]
    public void ClassMeans_AverageEachLayersActivationPerClass()
    {
        // 1-1 identity-like layer (w = 2): class 0 rows x = 1, 3 → mean 4; class 1 row x = 0.5 → 1.
        var net = TinyNetworks.Create([1, 1], [2f]);
        var means = ActivationSummary.ClassMeans(net, new LabeledSet([1f, 3f, 0.5f], [0, 0, 1], 1));
        Assert.AreEqual(4.0, means[0][0]![0], 1e-6);
        Assert.AreEqual(1.0, means[0][1]![0], 1e-6);
    }

    [TestMethod]
    public void TaskData_TakesTheFirstRowsForTrainingAndTheNextForValidation()
    {
        // Labels in dataset order: 0 1 2 0 1 0 1 2; task {0,1}: rows 0,1,3,4,5,6 → train 0,1,3; validation 4,5.
        var train = new LabeledSet(Enumerable.Range(0, 8).Select(i => (float)i).ToArray(), [0, 1, 2, 0, 1, 0, 1, 2], 1);
        var test = new LabeledSet([10f, 11f, 12f], [2, 1, 0], 1);
        var task = TaskData.Build(train, test, [[0, 1]], trainPerTask: 3, validationPerTask: 2)[0];
        CollectionAssert.AreEqual(new[] { 0f, 1f, 3f }, task.Train.Features);
        CollectionAssert.AreEqual(new[] { 4f, 5f }, task.Validation.Features);
        CollectionAssert.AreEqual(new[] { 11f, 12f }, task.Test.Features);
    }

    [TestMethod]
    public void TaskData_HeldOut_IsEveryTaskRowAfterTrainingAndValidation_InTaskOrder()
    {
        // Labels: 0 1 2 0 1 0 1 2 3 3 2; task {2,3}: rows 2,7,8,9,10 → train 2, validation 7, held out 8,9,10.
        // Task {0,1}: rows 0,1,3,4,5,6 → train 0, validation 1, held out 3,4,5,6. Class 4 has no rows and no task.
        var train = new LabeledSet(Enumerable.Range(0, 11).Select(i => (float)i).ToArray(), [0, 1, 2, 0, 1, 0, 1, 2, 3, 3, 2], 1);
        var heldOut = TaskData.HeldOut(train, [[2, 3], [0, 1]], trainPerTask: 1, validationPerTask: 1);
        CollectionAssert.AreEqual(new[] { 8f, 9f, 10f, 3f, 4f, 5f, 6f }, heldOut.Features);
        CollectionAssert.AreEqual(new[] { 3, 3, 2, 0, 1, 0, 1 }, heldOut.Labels);
    }

    [TestMethod]
    public void TaskData_HeldOut_WithNoRowsLeft_ThrowsNamingTheTask()
    {
        var train = new LabeledSet([0f, 1f, 2f], [0, 1, 0], 1);
        var ex = Assert.ThrowsExactly<ArgumentException>(() => TaskData.HeldOut(train, [[0, 1]], 2, 1));
        StringAssert.Contains(ex.Message, "[0,1]");
        StringAssert.Contains(ex.Message, "3 training rows");
    }

    [TestMethod]
    public void TaskData_ClassMeans_IsOneMeanRowPerClass_InClassOrder()
    {
        // Class 2: rows (1,2) and (3,6); class 0: rows (0,0), (4,1), (2,8).
        var rows = new LabeledSet([1f, 2f, 0f, 0f, 3f, 6f, 4f, 1f, 2f, 8f], [2, 0, 2, 0, 0], 2);
        var means = TaskData.ClassMeans(rows);
        CollectionAssert.AreEqual(new[] { 0, 2 }, means.Labels);
        CollectionAssert.AreEqual(new[] { 2f, 3f, 2f, 4f }, means.Features);
    }

    [TestMethod]
    public void TaskData_WithTooFewRows_ThrowsNamingTheTask()
    {
        var train = new LabeledSet([0f, 1f], [0, 1], 1);
        var ex = Assert.ThrowsExactly<ArgumentException>(() => TaskData.Build(train, train, [[0, 1]], 2, 1));
        StringAssert.Contains(ex.Message, "[0,1]");
    }
}
