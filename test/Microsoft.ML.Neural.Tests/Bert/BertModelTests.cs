using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.Neural.Tests.Bert;

[TestClass]
public sealed class BertModelTests
{
    private static readonly BertConfig Small = new()
    {
        VocabSize = 50, HiddenSize = 8, NumHiddenLayers = 2, NumAttentionHeads = 2, IntermediateSize = 12, MaxPositionEmbeddings = 10,
    };

    [TestMethod]
    public void Create_InitialisesAsTransformersDoes()
    {
        var model = BertModel.Create(BertConfig.Named("tiny"), seed: 3);
        var p = model.Parameters;

        var word = p["embeddings.word_embeddings.weight"].Of(p.Values);
        double mean = 0, sq = 0;
        foreach (float v in word) { mean += v; sq += v * (double)v; }
        mean /= word.Length;
        double std = Math.Sqrt(sq / word.Length - mean * mean);
        Assert.AreEqual(0.02, std, 0.0002, "normal(0, initializer_range)");
        Assert.AreEqual(0.0, mean, 0.0002);
        Assert.IsTrue(word[..128].ToArray().All(v => v == 0f), "the [PAD] row (pad_token_id 0) is zero");
        Assert.IsTrue(p["encoder.layer.1.output.LayerNorm.weight"].Of(p.Values).ToArray().All(v => v == 1f));
        Assert.IsTrue(p["encoder.layer.1.output.LayerNorm.bias"].Of(p.Values).ToArray().All(v => v == 0f));
        Assert.IsTrue(p["encoder.layer.0.attention.self.key.bias"].Of(p.Values).ToArray().All(v => v == 0f));
        Assert.IsTrue(p["pooler.dense.weight"].Of(p.Values).ToArray().Any(v => v != 0f));
    }

    [TestMethod]
    public void Create_SameSeed_GivesTheSameWeights_OtherSeed_Different()
    {
        var a = BertModel.Create(Small, seed: 5).Parameters.Values;
        var b = BertModel.Create(Small, seed: 5).Parameters.Values;
        var c = BertModel.Create(Small, seed: 6).Parameters.Values;

        CollectionAssert.AreEqual(a, b);
        CollectionAssert.AreNotEqual(a, c);
    }

    [TestMethod]
    public void Parameters_HaveTransformersNamesAndShapes()
    {
        var p = new BertModel(Small).Parameters;

        Assert.HasCount(5 + 2 * 16 + 2, p.Slices);
        CollectionAssert.AreEqual(new[] { 12, 8 }, p["encoder.layer.1.intermediate.dense.weight"].Shape);
        CollectionAssert.AreEqual(new[] { 8, 12 }, p["encoder.layer.1.output.dense.weight"].Shape);
        CollectionAssert.AreEqual(new[] { 10, 8 }, p["embeddings.position_embeddings.weight"].Shape);
        Assert.AreEqual(p.Slices.Sum(s => s.Count), p.Length);
    }

    [TestMethod]
    public void Forward_PaddingTokens_DoNotChangeTheRealTokensOutputs()
    {
        var model = BertModel.Create(Small, seed: 1);
        var shortBatch = new BertBatch(1, 3, [1, 7, 2], [0, 0, 0], [1, 1, 1]);
        var paddedBatch = new BertBatch(1, 5, [1, 7, 2, 0, 0], [0, 0, 0, 0, 0], [1, 1, 1, 0, 0]);

        var shortHidden = model.Forward(shortBatch).LastHiddenState.ToArray();
        var paddedHidden = model.Forward(paddedBatch).LastHiddenState.ToArray();

        for (int i = 0; i < shortHidden.Length; i++) Assert.AreEqual(shortHidden[i], paddedHidden[i], 1e-6f);
    }

    [TestMethod]
    public void Forward_TokenIdOutsideTheVocabulary_NamesThePositionAndValue()
    {
        var model = new BertModel(Small);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => model.Forward(new BertBatch(1, 2, [1, 50], [0, 0], [1, 1])));

        StringAssert.Contains(ex.Message, "input_ids[0, 1] = 50 is outside the vocabulary of 50");
    }

    [TestMethod]
    public void Backward_WithDropout_MatchesFiniteDifferencesOfTheLoss()
    {
        // The dropout masks are replayed by rewinding the generator, so the loss is a smooth function
        // of the weights and central differences (in float32, step 1e-2) check the analytic gradient.
        var model = BertModel.Create(Small with { HiddenDropoutProb = 0.3f, AttentionProbsDropoutProb = 0.3f }, seed: 2);
        var batch = new BertBatch(2, 4, [1, 5, 9, 0, 3, 4, 4, 2], [0, 0, 1, 0, 0, 1, 1, 1], [1, 1, 1, 0, 1, 1, 1, 1]);
        var direction = new float[batch.Tokens * Small.HiddenSize];
        new Generator(9).FillNormal(direction, 0f, 1f);
        ulong position = model.DropoutGenerator.Position;
        double Loss()
        {
            model.DropoutGenerator.Position = position;
            var o = model.Forward(batch, dropout: true, recordForBackward: true);
            double sum = 0;
            for (int i = 0; i < direction.Length; i++) sum += o.LastHiddenState.Span[i] * (double)direction[i];
            foreach (float v in o.PooledOutput.Span) sum += v;
            return sum;
        }
        Loss();
        model.Backward(direction, Enumerable.Repeat(1f, batch.BatchSize * Small.HiddenSize).ToArray());
        var grads = (float[])model.Parameters.Grads.Clone();

        foreach (string name in new[] { "encoder.layer.0.attention.self.query.weight", "encoder.layer.1.intermediate.dense.bias", "embeddings.LayerNorm.weight", "pooler.dense.bias" })
        {
            var slice = model.Parameters[name];
            for (int k = 0; k < 3; k++)
            {
                int index = slice.Offset + k * 5 % slice.Count;
                float saved = model.Parameters.Values[index];
                model.Parameters.Values[index] = saved + 1e-2f;
                double up = Loss();
                model.Parameters.Values[index] = saved - 1e-2f;
                double down = Loss();
                model.Parameters.Values[index] = saved;
                double numeric = (up - down) / 2e-2;
                Assert.AreEqual(numeric, grads[index], 2e-3 + 2e-2 * Math.Abs(numeric), $"{name}[{index - slice.Offset}]");
            }
        }
    }

    [TestMethod]
    public void PooledOnly_GivesThePooledOutputAndGradientsOfTheFullPass()
    {
        var full = BertModel.Create(Small, seed: 4);
        var pooledOnly = BertModel.Create(Small, seed: 4);
        var batch = new BertBatch(2, 5, [1, 5, 9, 0, 0, 3, 4, 4, 2, 8], [0, 0, 1, 0, 0, 0, 0, 1, 1, 1], [1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
        var dPooled = new float[2 * Small.HiddenSize];
        new Generator(3).FillNormal(dPooled, 0f, 1f);

        var expected = full.Forward(batch, recordForBackward: true).PooledOutput.ToArray();
        full.Backward(default, dPooled);
        var output = pooledOnly.Forward(batch, recordForBackward: true, pooledOnly: true);
        var actual = output.PooledOutput.ToArray();
        pooledOnly.Backward(default, dPooled);

        Assert.IsTrue(output.LastHiddenState.IsEmpty);
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-6f, $"pooled[{i}]");
        double rel = BertReference.RelativeL2(pooledOnly.Parameters.Grads, full.Parameters.Grads);
        Assert.IsLessThan(1e-6, rel, $"gradients differ by {rel:G3}");
    }

    [TestMethod]
    public void PooledTensor_BackwardOfATensorLoss_ReachesTheEncoderParameters()
    {
        // loss = Σ pooled·R through the tensor library must give the encoder gradients of Backward(dPooled = R).
        var viaTensors = BertModel.Create(Small with { HiddenDropoutProb = 0f, AttentionProbsDropoutProb = 0f }, seed: 8);
        var direct = BertModel.Create(Small with { HiddenDropoutProb = 0f, AttentionProbsDropoutProb = 0f }, seed: 8);
        var batch = new BertBatch(2, 3, [1, 5, 9, 3, 4, 0], [0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 0]);
        var r = new float[2 * Small.HiddenSize];
        new Generator(4).FillNormal(r, 0f, 1f);

        var pooled = viaTensors.PooledTensor(batch, training: true);
        (pooled * Tensor.FromArray(r, 2, Small.HiddenSize)).Sum().Backward();
        direct.Forward(batch, recordForBackward: true, pooledOnly: true);
        direct.Backward(default, r);

        CollectionAssert.AreEqual(r, pooled.Grad!.ToArray());
        CollectionAssert.AreEqual(direct.Parameters.Grads, viaTensors.Parameters.Grads);
    }

    [TestMethod]
    public void ZeroGrad_ClearsTheTouchedWordRowsAndEverythingElse()
    {
        var model = BertModel.Create(Small, seed: 1);
        var batch = new BertBatch(1, 3, [4, 7, 0], [0, 0, 0], [1, 1, 1]);
        model.Forward(batch, recordForBackward: true);
        model.Backward(default, Enumerable.Repeat(1f, Small.HiddenSize).ToArray());

        CollectionAssert.AreEqual(Enumerable.Range(0, 50).Select(r => r is 4 or 7).ToArray(), model.TouchedWordRows,
            "rows 4 and 7 are touched; the [PAD] row 0 gets no gradient, as with padding_idx");
        model.ZeroGrad();

        Assert.IsTrue(model.Parameters.Grads.All(g => g == 0f));
        Assert.IsFalse(model.TouchedWordRows.Any(t => t));
    }
}
