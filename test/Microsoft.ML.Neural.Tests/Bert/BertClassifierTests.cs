using Microsoft.ML.Neural.Bert;
using Microsoft.ML.Neural.Tests.Checkpoints;

namespace Microsoft.ML.Neural.Tests.Bert;

[TestClass]
public sealed class BertClassifierTests
{
    private static readonly BertConfig Small = new()
    {
        VocabSize = 30, HiddenSize = 16, NumHiddenLayers = 1, NumAttentionHeads = 2, IntermediateSize = 32, MaxPositionEmbeddings = 8,
    };

    [TestMethod]
    public void Training_OnASeparableToyTask_LearnsIt()
    {
        // Label 1 iff the sequence contains token 5.
        var classifier = new BertClassifier(BertModel.Create(Small, seed: 1), numLabels: 2, seed: 2);
        var optimizer = classifier.CreateOptimizer(learningRate: 3e-3f, weightDecay: 0.01f);
        var batch = BertBatch.Unpadded(4, 4, [2, 7, 9, 3, 2, 5, 9, 3, 2, 8, 8, 3, 2, 4, 5, 3]);
        int[] labels = [0, 1, 0, 1];

        float first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            classifier.ZeroGrad();
            last = classifier.ForwardBackward(batch, labels);
            if (step == 0) first = last;
            optimizer.Step();
        }
        var logits = classifier.Predict(batch);

        Assert.AreEqual(Math.Log(2), first, 0.1, "an untrained head is about uniform");
        Assert.IsLessThan(0.1f, last, $"loss went from {first} to {last}");
        for (int i = 0; i < 4; i++)
            Assert.AreEqual(labels[i], logits[2 * i + 1] > logits[2 * i] ? 1 : 0, $"sequence {i}");
    }

    [TestMethod]
    public void Save_ThenLoad_RestoresEncoderAndHead()
    {
        var trained = new BertClassifier(BertModel.Create(Small, seed: 1), 2, seed: 2);
        var batch = BertBatch.Unpadded(1, 3, [2, 5, 3]);
        string path = Path.Combine(FixturePaths.NewTempFolder(), "classifier.safetensors");
        try
        {
            trained.Save(path);
            var restored = new BertClassifier(new BertModel(Small), 2, seed: 99);
            var report = restored.Load(path);

            Assert.HasCount(restored.Encoder.Parameters.Slices.Count, report.Loaded);
            CollectionAssert.AreEqual(trained.Predict(batch), restored.Predict(batch));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [TestMethod]
    public void ForwardBackward_LabelOutOfRange_NamesIt()
    {
        var classifier = new BertClassifier(new BertModel(Small), 2, seed: 0);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => classifier.ForwardBackward(BertBatch.Unpadded(1, 2, [1, 2]), [2]));

        StringAssert.Contains(ex.Message, "labels[0] = 2 is outside 0..1");
    }
}
