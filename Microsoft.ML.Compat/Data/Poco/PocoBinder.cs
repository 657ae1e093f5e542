namespace Microsoft.ML.Data;

/// <summary>Fills row objects from a data row: each member of <typeparamref name="TRow"/> is bound to the column of the same name.</summary>
internal sealed class PocoBinder<TRow> where TRow : class
{
    private readonly (PocoColumn<TRow> converter, DataViewSchema.Column column)[] _bindings;

    /// <param name="ignoreMissingColumns">Skip members without a column instead of throwing "Column 'X' not found".</param>
    public PocoBinder(DataViewSchema schema, bool ignoreMissingColumns)
    {
        var bindings = new List<(PocoColumn<TRow>, DataViewSchema.Column)>();
        foreach (var member in PocoMember.For(typeof(TRow)))
        {
            var column = schema.GetColumnOrNull(member.ColumnName);
            if (column is null)
            {
                if (ignoreMissingColumns)
                    continue;
                throw ColumnChecks.NotFound(member.ColumnName, "source");
            }
            var converter = PocoColumn<TRow>.Create(member);
            if (converter.RawType != column.Value.Type.RawType)
                throw new InvalidOperationException(
                    $"Column '{member.ColumnName}' of type {column.Value.Type} cannot be stored in {typeof(TRow).Name}.{member.Member.Name} of type {member.MemberType.Name}.");
            bindings.Add((converter, column.Value));
        }
        _bindings = bindings.ToArray();
    }

    /// <summary>The columns the bound members read.</summary>
    public IEnumerable<DataViewSchema.Column> Columns => _bindings.Select(b => b.column);

    /// <summary>A delegate that copies <paramref name="row"/>'s current values into a row object.</summary>
    public Action<TRow> MakeFiller(DataViewRow row, bool reuse)
    {
        var setters = _bindings.Select(b => b.converter.MakeSetter(row, b.column, reuse)).ToArray();
        return target =>
        {
            foreach (var setter in setters)
                setter(target);
        };
    }
}
