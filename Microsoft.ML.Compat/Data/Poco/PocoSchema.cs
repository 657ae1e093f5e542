namespace Microsoft.ML.Data;

/// <summary>The columns a row class provides: a schema plus, for each column, the member converter.</summary>
internal sealed class PocoSchema<TRow>
{
    private PocoSchema(DataViewSchema schema, PocoColumn<TRow>[] columns)
    {
        Schema = schema;
        Columns = columns;
    }

    public DataViewSchema Schema { get; }

    /// <summary>Converters aligned with <see cref="Schema"/>'s columns.</summary>
    public PocoColumn<TRow>[] Columns { get; }

    /// <summary>Every member, typed by its .NET type and attributes. Where <paramref name="typeHints"/> has a column of the same
    /// name and raw type, that column's type and annotations are used instead (e.g. a saved model's input schema).</summary>
    public static PocoSchema<TRow> FromType(DataViewSchema? typeHints = null)
    {
        var columns = PocoMember.For(typeof(TRow)).Select(PocoColumn<TRow>.Create).ToArray();
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            var hint = typeHints?.GetColumnOrNull(column.Member.ColumnName);
            if (hint is { } h && h.Type.RawType == column.RawType)
                builder.AddColumn(h.Name, h.Type, h.Annotations);
            else
                builder.AddColumn(column.Member.ColumnName, column.Member.ColumnType);
        }
        return new PocoSchema<TRow>(builder.ToSchema(), columns);
    }

    /// <summary>Exactly the columns of <paramref name="schema"/>, each read from the member of the same column name.</summary>
    public static PocoSchema<TRow> FromSchema(DataViewSchema schema)
    {
        var byName = PocoMember.For(typeof(TRow)).ToDictionary(m => m.ColumnName, StringComparer.Ordinal);
        var columns = new PocoColumn<TRow>[schema.Count];
        foreach (var column in schema)
        {
            if (!byName.TryGetValue(column.Name, out var member))
                throw new ArgumentOutOfRangeException(nameof(schema), $"Column '{column.Name}' has no matching member in {typeof(TRow).Name}.");
            columns[column.Index] = PocoColumn<TRow>.Create(member);
            if (columns[column.Index].RawType != column.Type.RawType)
                throw new ArgumentOutOfRangeException(nameof(schema),
                    $"Column '{column.Name}' of type {column.Type} cannot be read from {typeof(TRow).Name}.{member.Member.Name} of type {member.MemberType.Name}.");
        }
        return new PocoSchema<TRow>(schema, columns);
    }
}
