using Microsoft.ML.Neural.Bert;
using Microsoft.ML.Neural.Checkpoints;
using Microsoft.ML.Neural.Tests.Checkpoints;

namespace Microsoft.ML.Neural.Tests.Bert;

/// <summary>Outputs and gradients against PyTorch on fixtures written by make_bert_fixture.py: the
/// shared bert-tiny-random one (L2 H128 A2, 16 tokens) and a local one of another shape.</summary>
[TestClass]
public sealed class BertParityTests
{
    public static IEnumerable<object[]> Fixtures =>
    [
        [FixturePaths.Shared("bert-tiny-random")],
        [FixturePaths.Local("Bert", "fixtures", "bert-l3-h64-a4-i96")],
    ];

    [TestMethod]
    [DynamicData(nameof(Fixtures))]
    public void Forward_FromSafetensors_ReproducesPyTorchOutputs(string folder)
    {
        var model = BertCheckpoint.LoadFolder(folder);

        AssertOutputsMatch(model, BertReference.Load(Path.Combine(folder, "reference.json")));
    }

    [TestMethod]
    [DynamicData(nameof(Fixtures))]
    public void Forward_FromPyTorchBin_ReproducesPyTorchOutputs(string folder)
    {
        var model = new BertModel(BertConfig.FromJsonFile(Path.Combine(folder, "config.json")));
        var report = BertCheckpoint.LoadWeights(model, Path.Combine(folder, "pytorch_model.bin"));

        Assert.HasCount(model.Parameters.Slices.Count, report.Loaded);
        Assert.HasCount(7, report.Ignored, "the seven cls.* pre-training tensors");
        Assert.IsTrue(report.Ignored.All(k => k.StartsWith("cls.", StringComparison.Ordinal)));
        AssertOutputsMatch(model, BertReference.Load(Path.Combine(folder, "reference.json")));
    }

    [TestMethod]
    [DynamicData(nameof(Fixtures))]
    public void Backward_OfTheProjectionLoss_ReproducesPyTorchGradients(string folder)
    {
        var model = BertCheckpoint.LoadFolder(folder);
        var reference = BertReference.Load(Path.Combine(folder, "reference.json"));
        var batch = reference.Batch;
        int h = model.Config.HiddenSize;

        // loss = Σ hidden·Rh·mask + Σ pooled·Rp, so dL/dhidden = Rh·mask and dL/dpooled = Rp.
        var output = model.Forward(batch, recordForBackward: true);
        var dHidden = new float[reference.Rh.Length];
        for (int i = 0; i < dHidden.Length; i++) dHidden[i] = reference.Rh[i] * batch.AttentionMask[i / h];
        double loss = 0;
        for (int i = 0; i < dHidden.Length; i++) loss += output.LastHiddenState.Span[i] * (double)dHidden[i];
        for (int i = 0; i < reference.Rp.Length; i++) loss += output.PooledOutput.Span[i] * (double)reference.Rp[i];
        model.Backward(dHidden, reference.Rp);

        Assert.AreEqual(reference.Loss, loss, 1e-4 * Math.Abs(reference.Loss));
        foreach (var (key, expected) in reference.Grads)
        {
            string name = key.EndsWith("[:seq]", StringComparison.Ordinal) ? key[..^"[:seq]".Length] : key;
            var actual = model.Parameters[name].Of(model.Parameters.Grads)[..expected.Length];
            double rel = BertReference.RelativeL2(actual, expected);
            Assert.IsLessThanOrEqualTo(reference.GradRelL2, rel, $"{key}: relative L2 error {rel:G3}");
        }
    }

    private static void AssertOutputsMatch(BertModel model, BertReference reference)
    {
        var batch = reference.Batch;
        int h = model.Config.HiddenSize;
        var output = model.Forward(batch);

        // Padding positions are not compared (the note of reference.json): keep rows whose mask is 1.
        var actual = new List<float>();
        var expected = new List<float>();
        for (int token = 0; token < batch.Tokens; token++)
        {
            if (batch.AttentionMask[token] == 0) continue;
            actual.AddRange(output.LastHiddenState.Span.Slice(token * h, h).ToArray());
            expected.AddRange(reference.LastHiddenState.AsSpan(token * h, h).ToArray());
        }
        AssertClose("last_hidden_state", actual.ToArray(), expected.ToArray(), reference);
        AssertClose("pooler_output", output.PooledOutput.ToArray(), reference.PooledOutput, reference);
    }

    private static void AssertClose(string what, float[] actual, float[] expected, BertReference reference)
    {
        Assert.HasCount(expected.Length, actual, what);
        double maxAbs = BertReference.MaxAbsDifference(actual, expected);
        double rel = BertReference.RelativeL2(actual, expected);
        Assert.IsLessThanOrEqualTo(reference.MaxAbs, maxAbs, $"{what}: max abs error {maxAbs:G3}");
        Assert.IsLessThanOrEqualTo(reference.RelL2, rel, $"{what}: relative L2 error {rel:G3}");
    }
}
