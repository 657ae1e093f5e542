using Microsoft.ML.BpSom.Numerics;

namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomTextLearnerTests
{
    private static readonly string[] Sentences = ["good movie", "the plot was great", "fun and lovely film", "superb actors"];

    [TestMethod]
    public void Step_WithAlphaOne_MovesHiddenActivationsTowardTheirClassWinnerPrototype()
    {
        // α = 1 leaves only the SOM term in ∂L/∂z, a frozen map (SOM rate 0) keeps the prototypes still, and no dropout makes the
        // training pass equal the evaluation pass. Subtracting the SOM error is gradient descent on the distance to the prototype,
        // so every row gets closer; adding it (the Python port's sign) would push every row away and fail this test.
        var options = TextNetworks.Options();
        options.SomErrorWeight = 1f;
        options.LearningRate = 1e-4f;
        var network = TextNetworks.Network(options);
        TextNetworks.LabelEveryCell(network.Map, label: 2);
        var learner = TextNetworks.Learner(options, network);
        var batch = TextNetworks.Batch(network, Sentences);
        var before = network.Evaluate(batch).Hidden;
        var winners = ClassWinners(network.Map, before);

        var step = learner.Step(batch, [1, 1, 1, 1], somRate: 0f, somRadius: 0);

        Assert.AreEqual(4, step.SomUsed);
        var after = network.Evaluate(batch).Hidden;
        for (int row = 0; row < Sentences.Length; row++)
        {
            var prototype = network.Map.GetPrototype(winners[row]);
            float distanceBefore = VectorKernels.SquaredDistance(before.AsSpan(row * 8, 8), prototype);
            float distanceAfter = VectorKernels.SquaredDistance(after.AsSpan(row * 8, 8), prototype);
            Assert.IsLessThan(distanceBefore, distanceAfter, $"row {row}: {distanceBefore} → {distanceAfter}");
        }
    }

    [TestMethod]
    public void Step_InBaselineModeOrWithAlphaZero_GivesExactlyThePlainNetworksUpdate()
    {
        // The plain network: BP-SOM whose map is unlabelled, so no row has a SOM error and no hook is registered.
        float[] Train(Action<BpSomTextClassificationTrainer.Options> configure, bool labelled)
        {
            var options = TextNetworks.Options();
            configure(options);
            var network = TextNetworks.Network(options);
            if (labelled) TextNetworks.LabelEveryCell(network.Map, label: 2);
            var learner = TextNetworks.Learner(options, network);
            learner.Step(TextNetworks.Batch(network, Sentences), [1, 1, 1, 1], somRate: 0.1f, somRadius: 1);
            return TextNetworks.AllWeights(network);
        }

        var plain = Train(_ => { }, labelled: false);
        CollectionAssert.AreEqual(plain, Train(o => o.Baseline = true, labelled: true));
        CollectionAssert.AreEqual(plain, Train(o => o.SomErrorWeight = 0f, labelled: true));
        CollectionAssert.AreNotEqual(plain, Train(_ => { }, labelled: true), "with α = 0.25 and a labelled map the SOM error must change the update");
    }

    [TestMethod]
    public void PruneUnit_FoldsAConstantUnitIntoTheOutputBiases_AndDropsItsPrototypeComponent()
    {
        var network = TextNetworks.Network(TextNetworks.Options());
        // Unit 2 ignores its input: its activation is sigmoid(0.3) for every text.
        network.HiddenWeight.AsSpan().Slice(2 * 32, 32).Clear();
        network.HiddenBias.AsSpan()[2] = 0.3f;
        var batch = TextNetworks.Batch(network, Sentences);
        var logitsBefore = network.Evaluate(batch).Logits;
        var prototypes = Enumerable.Range(0, network.Map.CellCount).Select(cell => network.Map.GetPrototype(cell).ToArray()).ToArray();

        network.PruneUnit(2, 1f / (1f + MathF.Exp(-0.3f)));

        Assert.AreEqual(7, network.HiddenSize);
        Approx.AreEqual(logitsBefore, network.Evaluate(batch).Logits, 1e-4f);
        Assert.AreEqual(7, network.Map.Dimension);
        for (int cell = 0; cell < prototypes.Length; cell++)
            Approx.AreEqual([.. prototypes[cell][..2], .. prototypes[cell][3..]], network.Map.GetPrototype(cell));
    }

    private static int[] ClassWinners(SelfOrganizingMap map, float[] hidden)
    {
        int rows = hidden.Length / map.Dimension;
        var distances = new float[rows * map.CellCount];
        var winners = new int[rows];
        map.ComputeSquaredDistances(hidden, rows, distances);
        map.FindClassWinners(distances, Enumerable.Repeat(2, rows).ToArray(), winners);
        return winners;
    }
}
