using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Data;

[TestClass]
public sealed class EnumerableTests
{
    public sealed class Example
    {
        [LoadColumn(0), ColumnName("Label")]
        public string Class { get; set; } = "";

        [LoadColumn(1, 3), VectorType(3)]
        public float[] Features { get; set; } = Array.Empty<float>();

        [KeyType(5)]
        public uint Bucket { get; set; }

        public bool Flag;
        public int Count { get; set; }
        public double Weight { get; set; }
        public float[] Ragged { get; set; } = Array.Empty<float>();

        [NoColumn]
        public string Ignored { get; set; } = "ignored";
    }

    public sealed class Narrow
    {
        public string Label { get; set; } = "";
        public float Missing { get; set; } = -1;
    }

    private static Example[] Examples() => new[]
    {
        new Example { Class = "cat", Features = new[] { 1f, 2f, 3f }, Bucket = 5, Flag = true, Count = 7, Weight = 0.5, Ragged = new[] { 1f } },
        new Example { Class = "dog", Features = new[] { 4f, 5f, 6f }, Bucket = 0, Flag = false, Count = -1, Weight = 2, Ragged = new[] { 2f, 3f } },
    };

    [TestMethod]
    public void LoadFromEnumerable_TypesColumnsFromMembersAndAttributes()
    {
        var schema = new MLContext().Data.LoadFromEnumerable(Examples()).Schema;
        CollectionAssert.AreEqual(new[] { "Label", "Features", "Bucket", "Flag", "Count", "Weight", "Ragged" }, schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(TextDataViewType.Instance, schema["Label"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), schema["Features"].Type);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 5), schema["Bucket"].Type);
        Assert.AreEqual(BooleanDataViewType.Instance, schema["Flag"].Type);
        Assert.AreEqual(NumberDataViewType.Int32, schema["Count"].Type);
        Assert.AreEqual(NumberDataViewType.Double, schema["Weight"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single), schema["Ragged"].Type);
    }

    [TestMethod]
    public void CreateEnumerable_RoundTripsEveryMember()
    {
        var ml = new MLContext();
        var back = ml.Data.CreateEnumerable<Example>(ml.Data.LoadFromEnumerable(Examples()), reuseRowObject: false).ToArray();
        Assert.AreEqual(2, back.Length);
        Assert.AreEqual("dog", back[1].Class);
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, back[1].Features);
        Assert.AreEqual(5u, back[0].Bucket);
        Assert.IsTrue(back[0].Flag);
        Assert.AreEqual(-1, back[1].Count);
        Assert.AreEqual(2.0, back[1].Weight);
        CollectionAssert.AreEqual(new[] { 2f, 3f }, back[1].Ragged);
        Assert.AreEqual("ignored", back[0].Ignored);
        Assert.AreNotSame(back[0], back[1]);
    }

    [TestMethod]
    public void CreateEnumerable_WithReuse_RefillsOneObjectAndItsArrays()
    {
        var ml = new MLContext();
        var rows = ml.Data.CreateEnumerable<Example>(ml.Data.LoadFromEnumerable(Examples()), reuseRowObject: true);
        Example? first = null;
        float[]? firstArray = null;
        foreach (var row in rows)
        {
            first ??= row;
            firstArray ??= row.Features;
            Assert.AreSame(first, row);
            Assert.AreSame(firstArray, row.Features);
        }
        Assert.AreEqual("dog", first!.Class);
    }

    [TestMethod]
    public void CreateEnumerable_WithMissingColumn_ThrowsUnlessIgnored()
    {
        var ml = new MLContext();
        var view = ml.Data.LoadFromEnumerable(Examples());
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Data.CreateEnumerable<Narrow>(view, false).ToArray());
        StringAssert.Contains(error.Message, "Column 'Missing' not found");
        var narrow = ml.Data.CreateEnumerable<Narrow>(view, false, ignoreMissingColumns: true).ToArray();
        Assert.AreEqual("cat", narrow[0].Label);
        Assert.AreEqual(-1f, narrow[0].Missing);
    }

    [TestMethod]
    public void LoadFromEnumerable_WithSchema_UsesItsTypesAndAnnotations()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", TextDataViewType.Instance);
        builder.AddColumn("Bucket", new KeyDataViewType(typeof(uint), 5), ArrayDataViewBuilder.KeyValuesAnnotation(new[] { "a", "b", "c", "d", "e" }));
        var view = new MLContext().Data.LoadFromEnumerable(Examples(), builder.ToSchema());
        Assert.AreEqual(2, view.Schema.Count);
        Assert.IsTrue(view.Schema["Bucket"].HasKeyValues());
        CollectionAssert.AreEqual(new[] { 5u, 0u }, view.GetColumn<uint>("Bucket").ToArray());

        var wrong = new DataViewSchema.Builder();
        wrong.AddColumn("Label", NumberDataViewType.Single);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Data.LoadFromEnumerable(Examples(), wrong.ToSchema()));
    }

    [TestMethod]
    public void LoadFromEnumerable_IsLazyAndShufflesLists()
    {
        int produced = 0;
        IEnumerable<Narrow> Produce()
        {
            for (int i = 0; i < 3; i++)
            {
                produced++;
                yield return new Narrow { Label = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }
        var ml = new MLContext();
        var lazy = ml.Data.LoadFromEnumerable(Produce());
        Assert.AreEqual(0, produced);
        Assert.IsNull(lazy.GetRowCount());
        Assert.IsFalse(lazy.CanShuffle);
        Assert.AreEqual(3, lazy.GetColumn<string>("Label").Count());

        var list = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(i => new Narrow { Missing = i }).ToList());
        Assert.IsTrue(list.CanShuffle);
        Assert.AreEqual(20L, list.GetRowCount());
        using var cursor = list.GetRowCursor(list.Schema, new Random(3));
        var getter = cursor.GetGetter<float>(list.Schema["Missing"]);
        var order = new List<float>();
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            order.Add(value);
        }
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 20).Select(i => (float)i).ToArray(), order);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 20).Select(i => (float)i).ToArray(), order);
    }

    [TestMethod]
    public void FixedSizeVectorMember_WithWrongLength_ThrowsNamingTheMember()
    {
        var ml = new MLContext();
        var view = ml.Data.LoadFromEnumerable(new[] { new Example { Features = new[] { 1f } } });
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => view.GetColumn<float[]>("Features").ToArray());
        StringAssert.Contains(error.Message, "Example.Features has 1 values");
    }
}
