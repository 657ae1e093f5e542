using Microsoft.ML.Compat.Tests.DataLoad;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Compat.Tests.Transforms;

[TestClass]
public sealed class KeyMappingTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static IDataView Labels(params string[] labels) => new ArrayDataViewBuilder().AddColumn("Label", labels).GetDataView();

    private static string[] KeyValues(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    [TestMethod]
    public void MapValueToKey_ByOccurrence_NumbersValuesInFirstSeenOrder()
    {
        var data = Labels("b", "a", "b", "c");
        var output = Ml.Transforms.Conversion.MapValueToKey("Key", "Label").Fit(data).Transform(data);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), output.Schema["Key"].Type);
        CollectionAssert.AreEqual(new[] { 1u, 2u, 1u, 3u }, ViewReader.Column<uint>(output, "Key"));
        CollectionAssert.AreEqual(new[] { "b", "a", "c" }, KeyValues(output.Schema["Key"]));
    }

    [TestMethod]
    public void MapValueToKey_ByValue_NumbersValuesInSortedOrder()
    {
        var data = Labels("b", "a", "b", "c");
        var output = Ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { 2u, 1u, 2u, 3u }, ViewReader.Column<uint>(output, "Label"));
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, KeyValues(output.Schema["Label"]));
    }

    [TestMethod]
    public void MapValueToKey_WithMaximumNumberOfKeys_MapsLaterValuesToMissing()
    {
        var data = Labels("x", "y", "z", "x");
        var output = Ml.Transforms.Conversion.MapValueToKey("Label", maximumNumberOfKeys: 2).Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { 1u, 2u, 0u, 1u }, ViewReader.Column<uint>(output, "Label"));
    }

    [TestMethod]
    public void MapValueToKey_UnseenAndEmptyValues_MapToKeyZero()
    {
        var model = Ml.Transforms.Conversion.MapValueToKey("Label").Fit(Labels("cat", "dog", ""));
        var output = model.Transform(Labels("dog", "zebra", "", "cat"));
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 2), output.Schema["Label"].Type);
        CollectionAssert.AreEqual(new[] { 2u, 0u, 0u, 1u }, ViewReader.Column<uint>(output, "Label"));
    }

    [TestMethod]
    public void MapValueToKey_OfFloats_SkipsNaNAndKeepsNumericKeyValues()
    {
        var data = new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Single, 2.5f, float.NaN, -1f, 2.5f).GetDataView();
        var output = Ml.Transforms.Conversion.MapValueToKey("K", "X").Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { 1u, 0u, 2u, 1u }, ViewReader.Column<uint>(output, "K"));
        VBuffer<float> values = default;
        output.Schema["K"].GetKeyValues(ref values);
        CollectionAssert.AreEqual(new[] { 2.5f, -1f }, values.DenseValues().ToArray());
    }

    [TestMethod]
    public void MapValueToKey_WithKeyValueAnnotationsAsText_WritesNumbersAsText()
    {
        var data = new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Int32, 7, 3).GetDataView();
        var output = Ml.Transforms.Conversion.MapValueToKey("X", addKeyValueAnnotationsAsText: true).Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { "7", "3" }, KeyValues(output.Schema["X"]));
    }

    [TestMethod]
    public void MapValueToKey_OfVector_MapsEveryItemWithOneDictionary()
    {
        var tokens = new ArrayDataViewBuilder()
            .AddColumn("Tokens", new VectorDataViewType(TextDataViewType.Instance, 2),
                new VBuffer<ReadOnlyMemory<char>>(2, new[] { "a".AsMemory(), "b".AsMemory() }),
                new VBuffer<ReadOnlyMemory<char>>(2, new[] { "b".AsMemory(), "c".AsMemory() }))
            .GetDataView();
        var output = Ml.Transforms.Conversion.MapValueToKey("Ids", "Tokens").Fit(tokens).Transform(tokens);
        Assert.AreEqual(new VectorDataViewType(new KeyDataViewType(typeof(uint), 3), 2), output.Schema["Ids"].Type);
        var rows = ViewReader.Vectors<uint>(output, "Ids");
        CollectionAssert.AreEqual(new[] { 1u, 2u }, rows[0]);
        CollectionAssert.AreEqual(new[] { 2u, 3u }, rows[1]);
    }

    [TestMethod]
    public void MapValueToKey_WithKeyData_UsesItsValuesForTheDictionary()
    {
        var keyData = new ArrayDataViewBuilder().AddColumn("Values", "neg", "pos").GetDataView();
        var output = Ml.Transforms.Conversion.MapValueToKey("Label", keyData: keyData).Fit(Labels("pos")).Transform(Labels("pos", "neg", "odd"));
        CollectionAssert.AreEqual(new[] { 2u, 1u, 0u }, ViewReader.Column<uint>(output, "Label"));
    }

    [TestMethod]
    public void MapKeyToValue_RestoresOriginalValuesAndMapsMissingKeyToEmpty()
    {
        var pipeline = Ml.Transforms.Conversion.MapValueToKey("Key", "Label")
            .Append(Ml.Transforms.Conversion.MapKeyToValue("Restored", "Key"));
        var model = pipeline.Fit(Labels("yes", "no"));
        var output = model.Transform(Labels("no", "maybe", "yes"));
        Assert.AreEqual(TextDataViewType.Instance, output.Schema["Restored"].Type);
        CollectionAssert.AreEqual(new[] { "no", "", "yes" }, ViewReader.Text(output, "Restored"));
    }

    [TestMethod]
    public void MapKeyToValue_OfFloatKeyValues_MapsMissingKeyToNaN()
    {
        var data = new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Single, 4f, 8f).GetDataView();
        var model = Ml.Transforms.Conversion.MapValueToKey("K", "X").Append(Ml.Transforms.Conversion.MapKeyToValue("Back", "K")).Fit(data);
        var other = new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Single, 8f, 5f).GetDataView();
        var back = ViewReader.Column<float>(model.Transform(other), "Back");
        Assert.AreEqual(8f, back[0]);
        Assert.IsTrue(float.IsNaN(back[1]));
    }

    [TestMethod]
    public void MapKeyToValue_OfKeyVector_RestoresEachItem()
    {
        var tokens = new ArrayDataViewBuilder()
            .AddColumn("Tokens", new VectorDataViewType(TextDataViewType.Instance, 3),
                new VBuffer<ReadOnlyMemory<char>>(3, new[] { "x".AsMemory(), "y".AsMemory(), "x".AsMemory() }))
            .GetDataView();
        var model = Ml.Transforms.Conversion.MapValueToKey("Ids", "Tokens").Append(Ml.Transforms.Conversion.MapKeyToValue("Back", "Ids")).Fit(tokens);
        var back = ViewReader.Vectors<ReadOnlyMemory<char>>(model.Transform(tokens), "Back")[0];
        CollectionAssert.AreEqual(new[] { "x", "y", "x" }, back.Select(m => m.ToString()).ToArray());
    }

    [TestMethod]
    public void MapKeyToValue_OfNonKeyColumn_FailsAtGetOutputSchemaAndFit()
    {
        var data = Labels("a");
        var estimator = Ml.Transforms.Conversion.MapKeyToValue("Back", "Label");
        var shapeError = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
        StringAssert.Contains(shapeError.Message, "Schema mismatch for input column 'Label': expected a key type with a KeyValues annotation, got String");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data));
    }

    [TestMethod]
    public void MapValueToKey_OfMissingColumn_FailsAtGetOutputSchemaAndFit()
    {
        var data = Labels("a");
        var estimator = Ml.Transforms.Conversion.MapValueToKey("Key", "Nope");
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
        StringAssert.Contains(error.Message, "Column 'Nope' not found");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data));
    }

    [TestMethod]
    public void MapValueToKey_GetOutputSchema_DescribesAKeyColumnWithKeyValues()
    {
        var shape = Ml.Transforms.Conversion.MapValueToKey("Key", "Label").GetOutputSchema(SchemaShape.Create(Labels("a").Schema));
        Assert.IsTrue(shape.TryFindColumn("Key", out var key));
        Assert.AreEqual("Key<UInt32>", key.GetTypeString());
        Assert.IsTrue(key.Annotations.TryFindColumn(AnnotationUtils.Kinds.KeyValues, out var keyValues));
        Assert.AreEqual("Vector<String>", keyValues.GetTypeString());
    }

    [TestMethod]
    public void KeyMappings_SaveAndLoad_GiveTheSameOutputs()
    {
        var train = Labels("b", "a", "c");
        var model = Ml.Transforms.Conversion.MapValueToKey("Key", "Label")
            .Append(Ml.Transforms.Conversion.MapKeyToValue("Back", "Key"))
            .Fit(train);
        var loaded = ModelRoundTrip.SaveAndLoad(Ml, model, train.Schema);
        var test = Labels("c", "unseen", "b");
        CollectionAssert.AreEqual(ViewReader.Column<uint>(model.Transform(test), "Key"), ViewReader.Column<uint>(loaded.Transform(test), "Key"));
        CollectionAssert.AreEqual(new[] { "c", "", "b" }, ViewReader.Text(loaded.Transform(test), "Back"));
        CollectionAssert.AreEqual(new[] { "b", "a", "c" }, KeyValues(loaded.Transform(test).Schema["Key"]));
    }

    [TestMethod]
    public void Fit_AfterCancelExecution_ThrowsOperationCanceled()
    {
        var cancelled = new MLContext(1);
        cancelled.CancelExecution();
        Assert.ThrowsExactly<OperationCanceledException>(() => cancelled.Transforms.Conversion.MapValueToKey("Label").Fit(Labels("a")));
        var numbers = new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Single, 1f).GetDataView();
        Assert.ThrowsExactly<OperationCanceledException>(() => cancelled.Transforms.NormalizeMinMax("X").Fit(numbers));
    }
}
