using Microsoft.ML.Neural;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.BpSom.Tests;

/// <summary>Builds text networks and learners on <see cref="TinyBert"/> for the tests that drive single training steps.</summary>
internal static class TextNetworks
{
    public static BpSomTextClassificationTrainer.Options Options(bool dropout = false) => new()
    {
        BertCheckpointFolder = TinyBert.Folder(dropout),
        SentenceColumnName = "Sentence",
        HiddenSize = 8,
        SomGridSize = 3,
        Dropout = dropout ? 0.1f : 0f,
        MaxSequenceLength = 16,
        BatchSize = 4,
        NumberOfEpochs = 2,
        LearningRate = 1e-3f,
        WarmupSteps = 0,
        WeightDecay = 0f,
    };

    public static BpSomTextNetwork Network(BpSomTextClassificationTrainer.Options options, ulong seed = 3) =>
        BpSomTextTraining.CreateNetwork(options, classCount: 2, seed);

    public static BpSomTextLearner Learner(BpSomTextClassificationTrainer.Options options, BpSomTextNetwork network) =>
        new(options, network, trainingCount: 4, shuffle: new Generator(1), headDropout: new Generator(2));

    /// <summary>Labels every cell with <paramref name="label"/> (1-based) at reliability 100, so every row of that class has its SOM error on.</summary>
    public static void LabelEveryCell(SelfOrganizingMap map, int label) =>
        SomBuilder.Label(map, Enumerable.Repeat(label, map.CellCount).ToArray(), Enumerable.Repeat(100, map.CellCount).ToArray());

    public static BertBatch Batch(BpSomTextNetwork network, params string[] sentences) => network.TextEncoder.Encode(sentences, null);

    /// <summary>Every weight of the encoder and the head, in a fixed order.</summary>
    public static float[] AllWeights(BpSomTextNetwork network) =>
        [.. network.Encoder.Parameters.Values, .. network.HeadParameters.SelectMany(p => p.ToArray())];
}
