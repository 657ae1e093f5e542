using Microsoft.ML.Compat.Tests.Support;
using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Extensibility;

[TestClass]
public sealed class PredictionTransformerTests
{
    /// <summary>Centroids (0,0), (10,0), (0,10); scores are minus squared distances.</summary>
    private static NearestCentroidModel Model(int batchSize = 4) => new(new float[] { 0, 0, 10, 0, 0, 10 }, 2, 3, batchSize);

    private static MulticlassPredictionTransformer<NearestCentroidModel> Transformer(NearestCentroidModel model) =>
        new(model, TestData.View().Schema, "Features", "Label");

    [TestMethod]
    public void Multiclass_AppendsScoreVectorAndArgmaxKey()
    {
        var scored = Transformer(Model()).Transform(TestData.View());
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        // Row 3 is (10, 1): distances² to the centroids are 101, 1, 181.
        CollectionAssert.AreEqual(new[] { -101f, -1f, -181f }, scores[3]);
        CollectionAssert.AreEqual(TestData.Labels, scored.GetColumn<uint>("PredictedLabel").ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(100, 10).ToArray(), scored.GetColumn<int>("Id").ToArray(), "input columns pass through");
    }

    [TestMethod]
    public void Multiclass_OutputColumnsCarryMlNetAnnotations()
    {
        var schema = Transformer(Model()).GetOutputSchema(TestData.View().Schema);
        var score = schema["Score"];
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), score.Type);
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, names.DenseValues().Select(n => n.ToString()).ToArray());
        ReadOnlyMemory<char> kind = default;
        score.Annotations.GetValue(AnnotationUtils.Kinds.ScoreColumnKind, ref kind);
        Assert.AreEqual("MulticlassClassification", kind.ToString());
        score.Annotations.GetValue(AnnotationUtils.Kinds.ScoreValueKind, ref kind);
        Assert.AreEqual("Score", kind.ToString());
        uint setId = 0;
        score.Annotations.GetValue(AnnotationUtils.Kinds.ScoreColumnSetId, ref setId);
        Assert.AreEqual(1u, setId);
        VBuffer<ReadOnlyMemory<char>> training = default;
        score.Annotations.GetValue(AnnotationUtils.Kinds.TrainingLabelValues, ref training);
        Assert.AreEqual(3, training.Length);

        var predicted = schema["PredictedLabel"];
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), predicted.Type);
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        predicted.GetKeyValues(ref keyValues);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, keyValues.DenseValues().Select(n => n.ToString()).ToArray());
        predicted.Annotations.GetValue(AnnotationUtils.Kinds.ScoreValueKind, ref kind);
        Assert.AreEqual("PredictedLabel", kind.ToString());
    }

    [TestMethod]
    public void Multiclass_ScoringTwice_GivesTheSecondScorerTheNextSetId()
    {
        var transformer = Transformer(Model());
        var once = transformer.Transform(TestData.View());
        var twice = transformer.GetOutputSchema(once.Schema);
        uint setId = 0;
        twice["Score"].Annotations.GetValue(AnnotationUtils.Kinds.ScoreColumnSetId, ref setId);
        Assert.AreEqual(2u, setId);
        Assert.IsTrue(twice[once.Schema["Score"].Index].IsHidden);
    }

    [TestMethod]
    public void Scoring_RunsOneModelCallPerBatchAndOnlyWhenScoresAreRead()
    {
        var model = Model(batchSize: 4);
        var scored = Transformer(model).Transform(TestData.View());
        Assert.AreEqual(0, model.ScoreCalls, "Transform is lazy");
        Assert.AreEqual(10, scored.GetColumn<int>("Id").Count());
        Assert.AreEqual(0, model.ScoreCalls, "reading pass-through columns does not score");
        Assert.AreEqual(10, scored.GetColumn<uint>("PredictedLabel").Count());
        Assert.AreEqual(3, model.ScoreCalls, "10 rows in batches of 4");
    }

    [TestMethod]
    public void Scoring_ReadAheadKeepsRowIdsAndPositionsAligned()
    {
        var scored = Transformer(Model(batchSize: 3)).Transform(TestData.View());
        using var cursor = scored.GetRowCursor(scored.Schema["Id"], scored.Schema["PredictedLabel"]);
        var id = cursor.GetGetter<int>(scored.Schema["Id"]);
        var rowId = cursor.GetIdGetter();
        int value = 0;
        DataViewRowId rid = default;
        while (cursor.MoveNext())
        {
            id(ref value);
            rowId(ref rid);
            Assert.AreEqual(100 + cursor.Position, value);
            Assert.AreEqual((ulong)cursor.Position, rid.Low);
        }
    }

    [TestMethod]
    public void Scoring_PassThroughVectorsStayWithTheirRowsDespiteReadAhead()
    {
        var scored = Transformer(Model(batchSize: 3)).Transform(TestData.View());
        using var cursor = scored.GetRowCursor(scored.Schema["Features"], scored.Schema["Score"]);
        var features = cursor.GetGetter<VBuffer<float>>(scored.Schema["Features"]);
        var score = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        VBuffer<float> x = default, s = default;
        while (cursor.MoveNext())
        {
            features(ref x);
            score(ref s);
            int row = (int)cursor.Position;
            CollectionAssert.AreEqual(TestData.Features.Skip(2 * row).Take(2).ToArray(), x.DenseValues().ToArray());
            float x0 = x.GetItemOrDefault(0), x1 = x.GetItemOrDefault(1);
            Assert.AreEqual(-(x0 * x0 + x1 * x1), s.GetItemOrDefault(0), 1e-4f);
        }
    }

    [TestMethod]
    public void Scoring_WithMissingOrMistypedFeatures_ThrowsAtTransform()
    {
        var transformer = Transformer(Model());
        var noFeatures = new ArrayDataViewBuilder().AddColumn("Other", NumberDataViewType.Single, 1f).GetDataView();
        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transformer.Transform(noFeatures));
        StringAssert.Contains(missing.Message, "Column 'Features' not found");
        var wrongSize = new ArrayDataViewBuilder().AddColumn("Features", NumberDataViewType.Single, 3, new float[3]).GetDataView();
        var mismatch = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transformer.Transform(wrongSize));
        StringAssert.Contains(mismatch.Message, "Schema mismatch for feature column 'Features': expected Vector<Single, 2>, got Vector<Single, 3>");
    }

    [TestMethod]
    public void Multiclass_LabelWithOtherClassCount_IsRejected()
    {
        var twoClasses = new ArrayDataViewBuilder()
            .AddColumn("Features", NumberDataViewType.Single, 2, new float[2])
            .AddKeyColumn("Label", new[] { "a", "b" }, 1u)
            .GetDataView();
        Assert.ThrowsExactly<ArgumentException>(() => new MulticlassPredictionTransformer<NearestCentroidModel>(Model(), twoClasses.Schema, "Features", "Label"));
    }

    [TestMethod]
    public void ArgMaxKey_TakesTheFirstMaximumAndSkipsNaN()
    {
        Assert.AreEqual(2u, MulticlassPredictionTransformer<NearestCentroidModel>.ArgMaxKey(new[] { 1f, 3f, 3f }));
        Assert.AreEqual(3u, MulticlassPredictionTransformer<NearestCentroidModel>.ArgMaxKey(new[] { float.NaN, -1f, 0f }));
        Assert.AreEqual(0u, MulticlassPredictionTransformer<NearestCentroidModel>.ArgMaxKey(new[] { float.NaN, float.NaN }));
    }

    /// <summary>Score = x0 + x1; with two scores the second is the logistic probability.</summary>
    private sealed class SumModel : VectorScoringModelBase
    {
        public SumModel(int scoreCount) : base(2, scoreCount, batchSize: 2) { }

        protected override void ScoreDense(ReadOnlySpan<float> features, int rows, Span<float> scores)
        {
            for (int r = 0; r < rows; r++)
            {
                float sum = features[2 * r] + features[2 * r + 1];
                scores[r * ScoreCount] = sum;
                if (ScoreCount == 2)
                    scores[r * 2 + 1] = 1 / (1 + MathF.Exp(-sum));
            }
        }

        public override void Save(ModelSaveContext ctx) => ctx.WriteVersion(1);
    }

    private static IDataView Pairs() => new ArrayDataViewBuilder()
        .AddColumn("Features", NumberDataViewType.Single, 2, new[] { 1f, 2f, -3f, 1f, 0f, 0f })
        .GetDataView();

    [TestMethod]
    public void Binary_WithProbability_ThresholdsTheProbabilityAtOneHalf()
    {
        var transformer = new BinaryPredictionTransformer<SumModel>(new SumModel(2), Pairs().Schema, "Features");
        var scored = transformer.Transform(Pairs());
        CollectionAssert.AreEqual(new[] { 3f, -2f, 0f }, scored.GetColumn<float>("Score").ToArray());
        var probability = scored.GetColumn<float>("Probability").ToArray();
        Assert.AreEqual(1 / (1 + Math.Exp(-3)), probability[0], 1e-6);
        Assert.AreEqual(0.5f, probability[2]);
        CollectionAssert.AreEqual(new[] { true, false, false }, scored.GetColumn<bool>("PredictedLabel").ToArray());
        Assert.AreEqual(0.5f, transformer.Threshold);
    }

    [TestMethod]
    public void Binary_WithoutProbability_ThresholdsTheScore()
    {
        var transformer = new BinaryPredictionTransformer<SumModel>(new SumModel(1), Pairs().Schema, "Features", threshold: -2.5f);
        var scored = transformer.Transform(Pairs());
        Assert.IsNull(scored.Schema.GetColumnOrNull("Probability"));
        CollectionAssert.AreEqual(new[] { true, true, true }, scored.GetColumn<bool>("PredictedLabel").ToArray());
        ReadOnlyMemory<char> kind = default;
        scored.Schema["Score"].Annotations.GetValue(AnnotationUtils.Kinds.ScoreColumnKind, ref kind);
        Assert.AreEqual("BinaryClassification", kind.ToString());
        Assert.ThrowsExactly<ArgumentException>(() => new BinaryPredictionTransformer<SumModel>(new SumModel(3), Pairs().Schema, "Features"));
    }

    [TestMethod]
    public void Regression_AppendsTheScore()
    {
        var transformer = new RegressionPredictionTransformer<SumModel>(new SumModel(1), Pairs().Schema, "Features");
        CollectionAssert.AreEqual(new[] { 3f, -2f, 0f }, transformer.Transform(Pairs()).GetColumn<float>("Score").ToArray());
        Assert.AreEqual("Features", transformer.FeatureColumnName);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2), transformer.FeatureColumnType);
        Assert.ThrowsExactly<ArgumentException>(() => new RegressionPredictionTransformer<SumModel>(new SumModel(2), Pairs().Schema, "Features"));
    }
}
