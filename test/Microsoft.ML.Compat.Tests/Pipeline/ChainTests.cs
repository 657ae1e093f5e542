using Microsoft.ML.Compat.Tests.Support;
using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Pipeline;

[TestClass]
public sealed class ChainTests
{
    private static IDataView Data() => new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Single, 1f, 2f, 4f).GetDataView();

    [TestMethod]
    public void Append_BuildsAFlatChainWhoseFitReturnsTheLastTransformer()
    {
        var first = new ScaleToUnitEstimator("Y", "X");
        var second = new ScaleToUnitEstimator("Z", "Y");
        var third = new ScaleToUnitEstimator("W", "Z");
        var pipeline = first.Append(second).Append(third);

        var model = pipeline.Fit(Data());
        Assert.AreEqual(3, model.Count());
        Assert.AreEqual("W", model.LastTransformer.OutputColumn);
        Assert.AreSame(third, pipeline.LastEstimator);
        CollectionAssert.AreEqual(new[] { 0.25f, 0.5f, 1f }, model.Transform(Data()).GetColumn<float>("W").ToArray());
    }

    [TestMethod]
    public void Fit_WithMissingColumn_FailsBeforeReadingAnyRow()
    {
        var pipeline = new ScaleToUnitEstimator("Y", "X").Append(new ScaleToUnitEstimator("Z", "Nope"));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("X", NumberDataViewType.Single);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pipeline.Fit(new PoisonDataView(builder.ToSchema())));
        StringAssert.Contains(error.Message, "Column 'Nope' not found");
    }

    [TestMethod]
    public void GetOutputSchema_WithMistypedColumn_ReportsExpectedAndActualTypes()
    {
        var pipeline = new EstimatorChain<ITransformer>().Append(new ScaleToUnitEstimator("Y", "X"));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("X", TextDataViewType.Instance);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pipeline.GetOutputSchema(SchemaShape.Create(builder.ToSchema())));
        StringAssert.Contains(error.Message, "Schema mismatch for input column 'X': expected Single, got String");
    }

    [TestMethod]
    public void Transform_IsLazyUntilCursoring()
    {
        var transformer = new ScaleTransformer("Y", "X", 2);
        var chain = new TransformerChain<ScaleTransformer>(transformer);
        var view = chain.Transform(Data());
        Assert.AreEqual(0, transformer.RowsComputed);
        Assert.AreEqual(3, view.GetColumn<float>("X").Count());
        Assert.AreEqual(0, transformer.RowsComputed, "reading only the input column computes nothing");
        CollectionAssert.AreEqual(new[] { 2f, 4f, 8f }, view.GetColumn<float>("Y").ToArray());
        Assert.AreEqual(3, transformer.RowsComputed);
    }

    [TestMethod]
    public void Transform_WithMistypedInput_ThrowsImmediately()
    {
        var chain = new TransformerChain<ScaleTransformer>(new ScaleTransformer("Y", "X", 2));
        var view = new ArrayDataViewBuilder().AddColumn("X", "text").GetDataView();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => chain.Transform(view));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => chain.GetOutputSchema(view.Schema));
    }

    [TestMethod]
    public void Scopes_SelectWhichTransformersApply()
    {
        var chain = new TransformerChain<ScaleTransformer>(
            new ITransformer[] { new ScaleTransformer("Y", "X", 2), new ScaleTransformer("Z", "X", 3) },
            new[] { TransformerScope.Training, TransformerScope.Everything });
        var scoring = chain.Transform(Data(), TransformerScope.Scoring);
        Assert.IsNull(scoring.Schema.GetColumnOrNull("Y"));
        Assert.IsNotNull(scoring.Schema.GetColumnOrNull("Z"));
        Assert.AreEqual(1, chain.GetModelFor(TransformerScope.Scoring).Count());
        Assert.AreEqual(2, chain.GetModelFor(TransformerScope.TrainTest).Count());
    }

    [TestMethod]
    public void TransformerAppend_AndEmptyChain()
    {
        var chain = new ScaleTransformer("Y", "X", 2).Append(new ScaleTransformer("Z", "Y", 10));
        CollectionAssert.AreEqual(new[] { 20f, 40f, 80f }, chain.Transform(Data()).GetColumn<float>("Z").ToArray());
        var longer = chain.Append(new ScaleTransformer("W", "Z", 0.5f));
        Assert.AreEqual("W", longer.LastTransformer.OutputColumn);

        var empty = new EstimatorChain<ITransformer>();
        Assert.IsNull(empty.LastEstimator);
        var fitted = empty.Fit(Data());
        Assert.IsNull(fitted.LastTransformer);
        Assert.AreEqual(1, fitted.Transform(Data()).Schema.Count);
    }

    [TestMethod]
    public void AppendCacheCheckpoint_ComputesTheCachedStageOnceForLaterEstimators()
    {
        var ml = new MLContext();
        var scale = new ScaleToUnitEstimator("Y", "X");
        var pipeline = scale.AppendCacheCheckpoint(ml)
            .Append(new ScaleToUnitEstimator("Z", "Y"))
            .Append(new ScaleToUnitEstimator("W", "Y"));
        var model = pipeline.Fit(Data());
        var first = (ScaleTransformer)model.First();
        Assert.AreEqual(3, first.RowsComputed, "two later fits read Y, but its rows were computed once");
        CollectionAssert.AreEqual(new[] { 0.25f, 0.5f, 1f }, model.Transform(Data()).GetColumn<float>("W").ToArray());
        Assert.ThrowsExactly<InvalidOperationException>(() => new EstimatorChain<ITransformer>().AppendCacheCheckpoint(ml));
    }

    [TestMethod]
    public void WithOnFitDelegate_ReceivesTheFittedTransformer()
    {
        ScaleTransformer? seen = null;
        var estimator = new ScaleToUnitEstimator("Y", "X").WithOnFitDelegate(t => seen = t);
        var fitted = estimator.Fit(Data());
        Assert.AreSame(fitted, seen);
        Assert.AreEqual(0.25f, seen!.Factor);
    }

    [TestMethod]
    public void ChainRowToRowMapper_ComposesTheTransformers()
    {
        var chain = new ScaleTransformer("Y", "X", 2).Append(new ScaleTransformer("Z", "Y", 10));
        Assert.IsTrue(chain.IsRowToRowMapper);
        var mapper = chain.GetRowToRowMapper(Data().Schema);
        var z = mapper.OutputSchema["Z"];
        CollectionAssert.AreEqual(new[] { "X" }, mapper.GetDependencies(new[] { z }).Select(c => c.Name).ToArray());
        var data = Data();
        using var cursor = data.GetRowCursor(data.Schema);
        var row = mapper.GetRow(cursor, new[] { z });
        var getter = row.GetGetter<float>(z);
        float value = 0;
        cursor.MoveNext();
        cursor.MoveNext();
        getter(ref value);
        Assert.AreEqual(40f, value);
    }
}
