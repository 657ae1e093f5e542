using Microsoft.ML.Compat.Tests.DataLoad;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Compat.Tests.Transforms;

public sealed class NumberInput
{
    public float X { get; set; }
}

public sealed class NumberOutput
{
    public float Doubled { get; set; }
    public string Sign { get; set; } = "";
}

/// <summary>The factory model loading uses for the contract "DoubleAndSign".</summary>
[CustomMappingFactoryAttribute(CustomMappingTests.Contract)]
public sealed class DoubleAndSignFactory : CustomMappingFactory<NumberInput, NumberOutput>
{
    public override Action<NumberInput, NumberOutput> GetMapping() => CustomMappingTests.DoubleAndSign;
}

[TestClass]
public sealed class CustomMappingTests
{
    public const string Contract = "DoubleAndSign";

    public static void DoubleAndSign(NumberInput input, NumberOutput output)
    {
        output.Doubled = 2 * input.X;
        output.Sign = input.X < 0 ? "negative" : "non-negative";
    }

    private static IDataView Numbers() => new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Single, 1.5f, -2f).GetDataView();

    [TestMethod]
    public void CustomMapping_AppendsTheOutputMembersAsColumns()
    {
        var ml = new MLContext(1);
        var data = Numbers();
        var output = ml.Transforms.CustomMapping<NumberInput, NumberOutput>(DoubleAndSign, Contract).Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { 3f, -4f }, ViewReader.Column<float>(output, "Doubled"));
        CollectionAssert.AreEqual(new[] { "non-negative", "negative" }, ViewReader.Text(output, "Sign"));
        CollectionAssert.AreEqual(new[] { 1.5f, -2f }, ViewReader.Column<float>(output, "X"));
    }

    [TestMethod]
    public void CustomMapping_RunsTheActionOncePerRowForAllOutputs()
    {
        var ml = new MLContext(1);
        var data = Numbers();
        int calls = 0;
        var output = ml.Transforms.CustomMapping<NumberInput, NumberOutput>((i, o) => { calls++; DoubleAndSign(i, o); }, null)
            .Fit(data).Transform(data);
        using var cursor = output.GetRowCursor(new[] { output.Schema["Doubled"], output.Schema["Sign"] });
        var doubled = cursor.GetGetter<float>(output.Schema["Doubled"]);
        var sign = cursor.GetGetter<ReadOnlyMemory<char>>(output.Schema["Sign"]);
        float d = 0;
        ReadOnlyMemory<char> s = default;
        while (cursor.MoveNext())
        {
            doubled(ref d);
            sign(ref s);
            doubled(ref d);
        }
        Assert.AreEqual(2, calls);
    }

    [TestMethod]
    public void CustomMapping_WithMissingInputColumn_FailsAtGetOutputSchemaAndFit()
    {
        var ml = new MLContext(1);
        var data = new ArrayDataViewBuilder().AddColumn("Y", NumberDataViewType.Single, 1f).GetDataView();
        var estimator = ml.Transforms.CustomMapping<NumberInput, NumberOutput>(DoubleAndSign, Contract);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
        StringAssert.Contains(error.Message, "Column 'X' not found");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data));
    }

    [TestMethod]
    public void CustomMapping_WithMistypedInputColumn_FailsAtGetOutputSchema()
    {
        var ml = new MLContext(1);
        var data = new ArrayDataViewBuilder().AddColumn("X", "text").GetDataView();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            ml.Transforms.CustomMapping<NumberInput, NumberOutput>(DoubleAndSign, Contract).GetOutputSchema(SchemaShape.Create(data.Schema)));
        StringAssert.Contains(error.Message, "Schema mismatch for input column 'X': expected Single, got String");
    }

    [TestMethod]
    public void CustomMapping_WithoutContractName_CannotBeSaved()
    {
        var ml = new MLContext(1);
        var data = Numbers();
        var model = ml.Transforms.CustomMapping<NumberInput, NumberOutput>(DoubleAndSign, null).Fit(data);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => ml.Model.Save(model, data.Schema, new MemoryStream()));
        StringAssert.Contains(error.Message, "no contract name");
    }

    [TestMethod]
    public void CustomMapping_LoadWithoutRegisteredFactory_ThrowsNamingTheContract()
    {
        var ml = new MLContext(1);
        var data = Numbers();
        var model = ml.Transforms.CustomMapping<NumberInput, NumberOutput>(DoubleAndSign, Contract).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var error = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext(2).Model.Load(stream, out _));
        StringAssert.Contains(error.Message, "Unable to locate an extension for the contract 'DoubleAndSign'");
        StringAssert.Contains(error.Message, "ComponentCatalog.RegisterAssembly");
    }

    [TestMethod]
    public void CustomMapping_SaveAndLoadWithRegisteredFactory_GivesTheSameOutputs()
    {
        var ml = new MLContext(1);
        var data = Numbers();
        var model = ml.Transforms.CustomMapping<NumberInput, NumberOutput>(DoubleAndSign, Contract).Fit(data);
        var loader = new MLContext(2);
        loader.ComponentCatalog.RegisterAssembly(typeof(DoubleAndSignFactory).Assembly);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = loader.Model.Load(stream, out _);
        CollectionAssert.AreEqual(new[] { 3f, -4f }, ViewReader.Column<float>(loaded.Transform(data), "Doubled"));
        CollectionAssert.AreEqual(new[] { "non-negative", "negative" }, ViewReader.Text(loaded.Transform(data), "Sign"));
    }
}
