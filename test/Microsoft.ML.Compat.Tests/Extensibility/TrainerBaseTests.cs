using Microsoft.ML.Compat.Tests.Support;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.Compat.Tests.Extensibility;

[TestClass]
public sealed class TrainerBaseTests
{
    [TestMethod]
    public void Fit_TrainsFromMiniBatchesAndReturnsAMulticlassTransformer()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => messages.Add(e.Message);
        var model = new NearestCentroidTrainer(ml).Fit(TestData.View());
        // Class a: (0,1), (1,0), (0,-1), (0.5,0.5) → mean (0.375, 0.125).
        Assert.AreEqual(0.375f, model.Model.Centroids[0], 1e-6f);
        Assert.AreEqual(0.125f, model.Model.Centroids[1], 1e-6f);
        Assert.AreEqual(10f, model.Model.Centroids[2], 1e-6f);
        CollectionAssert.AreEqual(TestData.Labels, model.Transform(TestData.View()).GetColumn<uint>("PredictedLabel").ToArray());
        CollectionAssert.Contains(messages, "[Source=NearestCentroidTrainer; Training, Kind=Info] Trained 3 centroids.");
    }

    [TestMethod]
    public void GetOutputSchema_AppendsScoreAndPredictedLabel()
    {
        var trainer = new NearestCentroidTrainer(new MLContext());
        var output = trainer.GetOutputSchema(SchemaShape.Create(TestData.View().Schema));
        Assert.IsTrue(output.TryFindColumn("Score", out var score));
        Assert.AreEqual("Vector<Single>", score.GetTypeString());
        Assert.IsTrue(output.TryFindColumn("PredictedLabel", out var predicted));
        Assert.AreEqual("Key<UInt32>", predicted.GetTypeString());
        Assert.IsTrue(predicted.Annotations.TryFindColumn("KeyValues", out _));
        Assert.IsTrue(score.Annotations.TryFindColumn("SlotNames", out _));
    }

    [TestMethod]
    public void Fit_WithTextLabel_FailsWithSchemaMismatchBeforeReadingData()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 2));
        builder.AddColumn("Label", TextDataViewType.Instance);
        var trainer = new NearestCentroidTrainer(new MLContext());
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainer.Fit(new PoisonDataView(builder.ToSchema())));
        StringAssert.Contains(error.Message, "Schema mismatch for label column 'Label': expected Key<UInt32>, got String");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainer.GetOutputSchema(SchemaShape.Create(builder.ToSchema())));
    }

    [TestMethod]
    public void Fit_WithVariableSizeFeatures_FailsWithSchemaMismatch()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single));
        builder.AddColumn("Label", new KeyDataViewType(typeof(uint), 2));
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new NearestCentroidTrainer(new MLContext()).Fit(new PoisonDataView(builder.ToSchema())));
        StringAssert.Contains(error.Message, "Schema mismatch for feature column 'Features': expected Vector<Single>, got VarVector<Single>");
    }

    [TestMethod]
    public void Fit_WithMissingLabelKey_ThrowsNamingTheRow()
    {
        var labels = (uint[])TestData.Labels.Clone();
        labels[6] = 0;
        var error = Assert.ThrowsExactly<InvalidDataException>(() => new NearestCentroidTrainer(new MLContext()).Fit(TestData.View(labels)));
        StringAssert.StartsWith(error.Message, "Row 6: label column 'Label' holds the missing key 0");
    }

    [TestMethod]
    public void MiniBatchReader_YieldsDenseFeaturesAndZeroBasedLabels()
    {
        var reader = new MiniBatchReader(TestData.View(), "Features", "Label");
        Assert.AreEqual(2, reader.FeatureCount);
        Assert.AreEqual(3, reader.ClassCount);
        var sizes = new List<int>();
        var labels = new List<int>();
        var firstFeatures = Array.Empty<float>();
        foreach (var batch in reader.Read(batchSize: 4))
        {
            sizes.Add(batch.Count);
            labels.AddRange(batch.Labels.ToArray());
            if (firstFeatures.Length == 0)
                firstFeatures = batch.Features.ToArray();
        }
        CollectionAssert.AreEqual(new[] { 4, 4, 2 }, sizes);
        CollectionAssert.AreEqual(TestData.Labels.Select(l => (int)l - 1).ToArray(), labels);
        CollectionAssert.AreEqual(TestData.Features.Take(8).ToArray(), firstFeatures);
    }

    public sealed class Row
    {
        [VectorType(1)]
        public float[] Features { get; set; } = Array.Empty<float>();

        [KeyType(3)]
        public uint Label { get; set; }
    }

    [TestMethod]
    public void MiniBatchReader_ShufflesViewsThatCannotShuffleInMemory()
    {
        IEnumerable<Row> Rows()
        {
            for (int i = 0; i < 12; i++)
                yield return new Row { Features = new[] { (float)i }, Label = (uint)(i % 3 + 1) };
        }
        var view = new MLContext().Data.LoadFromEnumerable(Rows());
        Assert.IsFalse(view.CanShuffle);
        var reader = new MiniBatchReader(view, "Features", "Label");
        float[] Order(int seed) => reader.Read(5, new Random(seed)).SelectMany(b =>
        {
            for (int i = 0; i < b.Count; i++)
                Assert.AreEqual((int)b.Features[i] % 3, b.Labels[i], "features and labels stay paired");
            return b.Features.ToArray();
        }).ToArray();
        var first = Order(9);
        CollectionAssert.AreEqual(first, Order(9));
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), first);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), first);
    }

    [TestMethod]
    public void TrainContext_ExposesClassCountAndNames()
    {
        TrainContext? seen = null;
        var trainer = new ContextCapturingTrainer(new MLContext(), c => seen = c);
        trainer.Fit(TestData.View());
        Assert.AreEqual(3, seen!.ClassCount);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, seen.GetClassNames());
        Assert.IsNull(seen.ValidationSet);
        Assert.AreEqual("Features", seen.FeatureColumn.Name);
    }

    private sealed class ContextCapturingTrainer : MulticlassTrainerBase<NearestCentroidModel>
    {
        private readonly Action<TrainContext> _capture;

        public ContextCapturingTrainer(MLContext ml, Action<TrainContext> capture)
            : base(ml.Register("Capture"), TrainerShapes.FloatVectorFeatures("Features"), "Label") => _capture = capture;

        public override TrainerInfo Info { get; } = new();

        protected override NearestCentroidModel TrainModelCore(TrainContext context)
        {
            _capture(context);
            return new NearestCentroidModel(new float[6], 2, 3);
        }
    }
}
