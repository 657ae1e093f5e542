namespace Microsoft.ML.Data;

/// <summary>
/// Input-column validation with ML.NET's wording, for estimators' <c>GetOutputSchema</c>/<c>Fit</c> and
/// transformers' <c>GetOutputSchema</c>/<c>Transform</c>: "Column 'X' not found" and
/// "Schema mismatch for input column 'X': expected Vector&lt;Single&gt;, got String". Both throw
/// <see cref="ArgumentOutOfRangeException"/> before any data is read.
/// </summary>
/// <example>
/// <code>
/// var features = ColumnChecks.FindColumn(inputSchema, "Features");
/// if (features.Type is not VectorDataViewType { ItemType: NumberDataViewType, IsKnownSize: true })
///     throw ColumnChecks.Mismatch("Features", "Vector&lt;Single, n&gt;", features.Type.ToString());
/// </code>
/// </example>
public static class ColumnChecks
{
    /// <summary>"Column 'X' not found".</summary>
    public static ArgumentOutOfRangeException NotFound(string columnName, string role = "input") =>
        new(role + "Schema", $"Column '{columnName}' not found");

    /// <summary>"Schema mismatch for input column 'X': expected E, got A".</summary>
    public static ArgumentOutOfRangeException Mismatch(string columnName, string expected, string actual, string role = "input") =>
        new(role + "Schema", $"Schema mismatch for {role} column '{columnName}': expected {expected}, got {actual}");

    /// <summary>The visible column called <paramref name="columnName"/>; throws <see cref="NotFound"/> otherwise.</summary>
    public static DataViewSchema.Column FindColumn(DataViewSchema schema, string columnName, string role = "input")
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(columnName);
        return schema.GetColumnOrNull(columnName) ?? throw NotFound(columnName, role);
    }

    /// <summary>The column called <paramref name="columnName"/>, checked to have exactly <paramref name="expected"/> type.</summary>
    public static DataViewSchema.Column FindColumn(DataViewSchema schema, string columnName, DataViewType expected, string role = "input")
    {
        var column = FindColumn(schema, columnName, role);
        if (!column.Type.Equals(expected))
            throw Mismatch(columnName, expected.ToString()!, column.Type.ToString()!, role);
        return column;
    }

    /// <summary>The shape column called <paramref name="columnName"/>; throws <see cref="NotFound"/> otherwise.</summary>
    public static SchemaShape.Column FindColumn(SchemaShape shape, string columnName, string role = "input")
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(columnName);
        return shape.TryFindColumn(columnName, out var column) ? column : throw NotFound(columnName, role);
    }

    /// <summary>The shape column called <paramref name="expected"/>.Name, checked to be compatible with <paramref name="expected"/>.</summary>
    public static SchemaShape.Column FindCompatibleColumn(SchemaShape shape, SchemaShape.Column expected, string role = "input")
    {
        var column = FindColumn(shape, expected.Name, role);
        if (!expected.IsCompatibleWith(column))
            throw Mismatch(expected.Name, expected.GetTypeString(), column.GetTypeString(), role);
        return column;
    }
}
