namespace Microsoft.ML.Data;

/// <summary>
/// A mapper that computes outputs for many rows per call (e.g. a neural network scoring a mini-batch). When a
/// cursor moves onto a row not yet mapped, it reads up to <see cref="BatchSize"/> input rows ahead, calls
/// <see cref="MapBatch"/> once, and then serves the rows one by one. Nothing is computed before cursoring, and
/// <see cref="MapBatch"/> is skipped when no output column is requested.
/// </summary>
/// <remarks>Read-ahead means input values must stay valid after the input cursor moves: getters must not hand out
/// text memory or vector arrays that they overwrite on the next row (copying into the caller's buffer is fine).</remarks>
/// <example>
/// <code>
/// sealed class SumMapper : BatchColumnMapper
/// {
///     private readonly DataViewSchema.Column _features;
///     public SumMapper(DataViewSchema input) : base(input, batchSize: 64) =>
///         _features = ColumnChecks.FindColumn(input, "Features");
///     protected override DataViewSchema.DetachedColumn[] GetOutputColumns() =>
///         new[] { new DataViewSchema.DetachedColumn("Sum", NumberDataViewType.Single) };
///     public override IEnumerable&lt;DataViewSchema.Column&gt; GetDependencies(Func&lt;int, bool&gt; active) => new[] { _features };
///     protected override void MapBatch(ColumnBatch batch)
///     {
///         var features = batch.GetInput&lt;VBuffer&lt;float&gt;&gt;(_features);
///         var sums = batch.GetOutput&lt;float&gt;(0);
///         for (int row = 0; row &lt; batch.Count; row++)
///             sums[row] = TensorPrimitives.Sum(features[row].GetValues());
///     }
/// }
/// </code>
/// </example>
public abstract class BatchColumnMapper : ColumnMapperBase
{
    protected BatchColumnMapper(DataViewSchema inputSchema, int batchSize) : base(inputSchema)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        BatchSize = batchSize;
    }

    /// <summary>The most rows per <see cref="MapBatch"/> call when cursoring.</summary>
    public int BatchSize { get; }

    /// <summary>Fills every active output (see <see cref="ColumnBatch.IsOutputActive"/>) for <c>batch.Count</c> rows.</summary>
    protected abstract void MapBatch(ColumnBatch batch);

    internal void Map(ColumnBatch batch) => MapBatch(batch);

    internal override DataViewRowCursor CreateCursor(DataViewRowCursor input, bool[] activeColumns) =>
        new BatchMappedCursor(this, input, activeColumns);

    internal override DataViewRow CreateRow(DataViewRow input, bool[] activeColumns) =>
        new BatchMappedRow(this, input, activeColumns);
}
