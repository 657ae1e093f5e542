namespace Microsoft.ML;

/// <summary>Maps one input row to one output row (used to score single examples).</summary>
public interface IRowToRowMapper
{
    DataViewSchema InputSchema { get; }
    DataViewSchema OutputSchema { get; }

    /// <summary>The input columns needed to compute <paramref name="dependingColumns"/> of the output.</summary>
    IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns);

    /// <summary>A row whose values are computed from <paramref name="input"/>'s current values; only
    /// <paramref name="activeColumns"/> (output columns) can be read.</summary>
    DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns);
}
