using Microsoft.ML.Compat.Tests.DataLoad;
using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Transforms;

[TestClass]
public sealed class ColumnTransformsTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static DataViewSchema.Annotations SlotNames(params string[] names)
    {
        var values = names.Select(n => n.AsMemory()).ToArray();
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(AnnotationUtils.Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, values.Length),
            (ref VBuffer<ReadOnlyMemory<char>> dst) => new VBuffer<ReadOnlyMemory<char>>(values.Length, values).CopyTo(ref dst));
        return builder.ToAnnotations();
    }

    /// <summary>Two rows: A scalar, V a 2-vector with slot names v0/v1, W a 2-vector without, B scalar, Name text.</summary>
    private static IDataView Data() => new ArrayDataViewBuilder()
        .AddColumn("A", NumberDataViewType.Single, 1f, 5f)
        .AddColumn("V", NumberDataViewType.Single, 2, new[] { 2f, 3f, 6f, 7f }, SlotNames("v0", "v1"))
        .AddColumn("W", NumberDataViewType.Single, 2, new[] { 8f, 9f, 10f, 11f })
        .AddColumn("B", NumberDataViewType.Single, 4f, 8f)
        .AddColumn("Name", "first", "second")
        .GetDataView();

    private static string[] SlotNamesOf(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    [TestMethod]
    public void Concatenate_JoinsScalarsAndVectorsInOrder()
    {
        var data = Data();
        var output = Ml.Transforms.Concatenate("Features", "A", "V", "B").Fit(data).Transform(data);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 4), output.Schema["Features"].Type);
        var rows = ViewReader.Vectors<float>(output, "Features");
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f, 4f }, rows[0]);
        CollectionAssert.AreEqual(new[] { 5f, 6f, 7f, 8f }, rows[1]);
    }

    [TestMethod]
    public void Concatenate_NamesSlotsByColumnNameOrSourceSlotName()
    {
        var data = Data();
        var output = Ml.Transforms.Concatenate("Features", "A", "V", "W", "B").Fit(data).Transform(data);
        // A and B are scalars (their names); V has slot names; W has none (empty names).
        CollectionAssert.AreEqual(new[] { "A", "v0", "v1", "", "", "B" }, SlotNamesOf(output.Schema["Features"]));
    }

    [TestMethod]
    public void Concatenate_OfOneVector_KeepsItsTypeAndAnnotations()
    {
        var data = Data();
        var output = Ml.Transforms.Concatenate("Features", "V").Fit(data).Transform(data);
        Assert.AreEqual(data.Schema["V"].Type, output.Schema["Features"].Type);
        CollectionAssert.AreEqual(new[] { "v0", "v1" }, SlotNamesOf(output.Schema["Features"]));
    }

    [TestMethod]
    public void Concatenate_OfDifferentItemTypes_FailsAtGetOutputSchemaAndFit()
    {
        var data = Data();
        var estimator = Ml.Transforms.Concatenate("Features", "A", "Name");
        var shapeError = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
        StringAssert.Contains(shapeError.Message, "Schema mismatch for input column 'Name'");
        var fitError = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data));
        StringAssert.Contains(fitError.Message, "Schema mismatch for input column 'Name'");
    }

    [TestMethod]
    public void Concatenate_GetOutputSchema_DescribesAKnownSizeVector()
    {
        var shape = Ml.Transforms.Concatenate("Features", "A", "V").GetOutputSchema(SchemaShape.Create(Data().Schema));
        Assert.IsTrue(shape.TryFindColumn("Features", out var features));
        Assert.AreEqual("Vector<Single>", features.GetTypeString());
    }

    [TestMethod]
    public void CopyColumns_AddsACopyWithTheSameTypeAndAnnotations()
    {
        var data = Data();
        var output = Ml.Transforms.CopyColumns("V2", "V").Fit(data).Transform(data);
        Assert.AreEqual(data.Schema["V"].Type, output.Schema["V2"].Type);
        CollectionAssert.AreEqual(new[] { "v0", "v1" }, SlotNamesOf(output.Schema["V2"]));
        CollectionAssert.AreEqual(new[] { 6f, 7f }, ViewReader.Vectors<float>(output, "V2")[1]);
        Assert.IsNotNull(output.Schema.GetColumnOrNull("V"));
    }

    [TestMethod]
    public void DropColumns_RemovesTheNamedColumns()
    {
        var data = Data();
        var output = Ml.Transforms.DropColumns("V", "Name").Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { "A", "W", "B" }, output.Schema.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { 4f, 8f }, ViewReader.Column<float>(output, "B"));
    }

    [TestMethod]
    public void SelectColumns_KeepsTheNamedColumnsInTheGivenOrder()
    {
        var data = Data();
        var output = Ml.Transforms.SelectColumns("Name", "A").Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { "Name", "A" }, output.Schema.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "first", "second" }, ViewReader.Text(output, "Name"));
        CollectionAssert.AreEqual(new[] { 1f, 5f }, ViewReader.Column<float>(output, "A"));
    }

    [TestMethod]
    public void SelectColumns_DropsHiddenNamesakesUnlessAsked()
    {
        var data = Data();
        var copied = Ml.Transforms.CopyColumns("A", "B").Fit(data).Transform(data); // hides the first A
        Assert.AreEqual(1, Ml.Transforms.SelectColumns("A").Fit(copied).Transform(copied).Schema.Count);
        Assert.AreEqual(2, Ml.Transforms.SelectColumns(new[] { "A" }, keepHidden: true).Fit(copied).Transform(copied).Schema.Count);
    }

    [TestMethod]
    public void SelectAndDrop_OfUnknownColumn_FailAtGetOutputSchemaAndFit()
    {
        var data = Data();
        foreach (var estimator in new[] { Ml.Transforms.SelectColumns("Nope"), Ml.Transforms.DropColumns("Nope") })
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
            StringAssert.Contains(error.Message, "Column 'Nope' not found");
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data));
        }
    }

    [TestMethod]
    public void ColumnTransforms_SaveAndLoad_GiveTheSameOutputs()
    {
        var data = Data();
        var model = Ml.Transforms.Concatenate("Features", "A", "V")
            .Append(Ml.Transforms.CopyColumns("Copy", "Features"))
            .Append(Ml.Transforms.DropColumns("W"))
            .Append(Ml.Transforms.SelectColumns("Copy", "Name"))
            .Fit(data);
        var loaded = ModelRoundTrip.SaveAndLoad(Ml, model, data.Schema);
        var output = loaded.Transform(data);
        CollectionAssert.AreEqual(new[] { "Copy", "Name" }, output.Schema.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { 5f, 6f, 7f }, ViewReader.Vectors<float>(output, "Copy")[1]);
        CollectionAssert.AreEqual(new[] { "A", "v0", "v1" }, SlotNamesOf(output.Schema["Copy"]));
    }

    [TestMethod]
    public void Transform_IsLazy_SoNoRowIsReadUntilCursoring()
    {
        using var folder = new TempFolder();
        string path = folder.Write("bad.tsv", "1\tnot-a-number");
        var file = Ml.Data.LoadFromTextFile(path, new[] { new TextLoader.Column("A", DataKind.Single, 0), new TextLoader.Column("B", DataKind.Single, 1) });
        var model = Ml.Transforms.Concatenate("Features", "A", "B").Fit(file); // Fit of a trivial estimator reads nothing
        var output = model.Transform(file);
        Assert.ThrowsExactly<FormatException>(() => ViewReader.Vectors<float>(output, "Features"));
    }
}
