using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Extensibility;

[TestClass]
public sealed class ColumnMapperTests
{
    /// <summary>Appends Sum = Σ Features and Count = number of features, a batch of 4 rows at a time.</summary>
    private sealed class SumMapper : BatchColumnMapper
    {
        private readonly DataViewSchema.Column _features;
        public readonly List<int> BatchSizes = new();

        public SumMapper(DataViewSchema input) : base(input, batchSize: 4) =>
            _features = ColumnChecks.FindColumn(input, "Features");

        protected override DataViewSchema.DetachedColumn[] GetOutputColumns() => new[]
        {
            new DataViewSchema.DetachedColumn("Sum", NumberDataViewType.Single),
            new DataViewSchema.DetachedColumn("Count", NumberDataViewType.Int32),
        };

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
            activeOutput(0) ? new[] { _features } : Array.Empty<DataViewSchema.Column>();

        protected override void MapBatch(ColumnBatch batch)
        {
            BatchSizes.Add(batch.Count);
            if (batch.IsOutputActive(0))
            {
                var features = batch.GetInput<VBuffer<float>>(_features);
                var sums = batch.GetOutput<float>(0);
                for (int row = 0; row < batch.Count; row++)
                    sums[row] = features[row].DenseValues().Sum();
            }
            if (batch.IsOutputActive(1))
            {
                var counts = batch.GetOutput<int>(1);
                for (int row = 0; row < batch.Count; row++)
                    counts[row] = (int)(batch.StartPosition + row);
                Assert.ThrowsExactly<InvalidOperationException>(() => batch.GetInput<VBuffer<float>>(_features).Length,
                    "inputs not listed as dependencies are not read");
            }
        }
    }

    private sealed class SumTransformer : RowToRowTransformerBase
    {
        public SumMapper? LastMapper;

        protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => LastMapper = new SumMapper(inputSchema);

        public override void Save(ModelSaveContext ctx) => ctx.WriteVersion(1);
    }

    [TestMethod]
    public void BatchMapper_MapsOnlyRequestedOutputsInBatches()
    {
        var transformer = new SumTransformer();
        var view = transformer.Transform(TestData.View());
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).ToArray(), view.GetColumn<int>("Count").ToArray(), "StartPosition numbers the rows");
        CollectionAssert.AreEqual(new[] { 4, 4, 2 }, transformer.LastMapper!.BatchSizes);
        var sums = view.GetColumn<float>("Sum").ToArray();
        Assert.AreEqual(9f, sums[4], "row 4 is (9, 0)");
        Assert.AreEqual(1f, sums[9]);
    }

    [TestMethod]
    public void BatchMapper_RowToRowMapperMapsEachRowWhenItChanges()
    {
        var transformer = new SumTransformer();
        var data = TestData.View();
        var mapper = transformer.GetRowToRowMapper(data.Schema);
        var sum = mapper.OutputSchema["Sum"];
        CollectionAssert.AreEqual(new[] { "Features" }, mapper.GetDependencies(new[] { sum }).Select(c => c.Name).ToArray());
        using var cursor = data.GetRowCursor(data.Schema);
        var row = mapper.GetRow(cursor, new[] { sum });
        var getter = row.GetGetter<float>(sum);
        Assert.ThrowsExactly<InvalidOperationException>(() => row.GetGetter<int>(mapper.OutputSchema["Count"]));
        var values = new List<float>();
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            getter(ref value);
            values.Add(value);
        }
        Assert.AreEqual(10, values.Count);
        Assert.AreEqual(9f, values[4]);
        CollectionAssert.AreEqual(Enumerable.Repeat(1, 10).ToArray(), transformer.LastMapper!.BatchSizes, "one mapping per row, not per read");
    }

    /// <summary>A cursor over the numbers 0..4 built on RowCursorBase from another assembly.</summary>
    private sealed class CountingCursor : RowCursorBase
    {
        private long _row = -1;

        public CountingCursor(DataViewSchema schema, IEnumerable<DataViewSchema.Column> active) : base(schema, active) { }

        protected override bool MoveNextCore() => ++_row < 5;

        protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex) =>
            (ValueGetter<TValue>)(Delegate)(ValueGetter<long>)((ref long v) => v = _row * 10);
    }

    [TestMethod]
    public void RowCursorBase_ValidatesRequestsAndCreatesEachGetterOnce()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("N", NumberDataViewType.Int64);
        builder.AddColumn("Unused", NumberDataViewType.Int64);
        var schema = builder.ToSchema();
        using var cursor = new CountingCursor(schema, new[] { schema["N"] });
        var getter = cursor.GetGetter<long>(schema["N"]);
        Assert.AreSame(getter, cursor.GetGetter<long>(schema["N"]));
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<long>(schema["Unused"]));
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<int>(schema["N"]));
        var other = new DataViewSchema.Builder();
        other.AddColumn("Elsewhere", NumberDataViewType.Int64);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => cursor.IsColumnActive(other.ToSchema()[0]));
        long value = 0, total = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            total += value;
        }
        Assert.AreEqual(100, total);
    }
}
