namespace Microsoft.ML.Data;

/// <summary>
/// A mapper that computes outputs one row at a time: for each cursor, <see cref="MakeGetter"/> returns a getter
/// that reads the input row's getters and computes the output value on demand (lazily).
/// </summary>
/// <example>
/// <code>
/// sealed class DoubleMapper : RowColumnMapper
/// {
///     private readonly DataViewSchema.Column _x;
///     public DoubleMapper(DataViewSchema input) : base(input) =>
///         _x = ColumnChecks.FindColumn(input, "X", NumberDataViewType.Single);
///     protected override DataViewSchema.DetachedColumn[] GetOutputColumns() =>
///         new[] { new DataViewSchema.DetachedColumn("Y", NumberDataViewType.Single) };
///     public override IEnumerable&lt;DataViewSchema.Column&gt; GetDependencies(Func&lt;int, bool&gt; active) => new[] { _x };
///     protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func&lt;int, bool&gt; active)
///     {
///         var x = input.GetGetter&lt;float&gt;(_x);
///         float value = 0;
///         return (ValueGetter&lt;float&gt;)((ref float y) => { x(ref value); y = 2 * value; });
///     }
/// }
/// </code>
/// </example>
public abstract class RowColumnMapper : ColumnMapperBase
{
    protected RowColumnMapper(DataViewSchema inputSchema) : base(inputSchema) { }

    /// <summary>
    /// The getter (<c>ValueGetter</c> of the output type's raw type) of output <paramref name="outputIndex"/> reading
    /// <paramref name="input"/>. Called once per cursor for each active output.
    /// </summary>
    protected abstract Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput);

    internal ValueGetter<TValue> MakeTypedGetter<TValue>(DataViewRow input, int outputIndex, Func<int, bool> activeOutput)
    {
        var getter = MakeGetter(input, outputIndex, activeOutput);
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException(
                $"{GetType().Name} returned a {getter.GetType().Name} for output column '{OutputColumns[outputIndex].Name}', expected ValueGetter<{typeof(TValue).Name}>.");
    }

    internal override DataViewRowCursor CreateCursor(DataViewRowCursor input, bool[] activeColumns) =>
        new RowMappedCursor(this, input, activeColumns);

    internal override DataViewRow CreateRow(DataViewRow input, bool[] activeColumns) =>
        new RowMappedRow(this, input, activeColumns);
}
