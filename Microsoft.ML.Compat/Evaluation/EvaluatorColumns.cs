namespace Microsoft.ML.Data;

/// <summary>Finds and type-checks the columns an evaluator reads, with ML.NET's error wording, before any row is read.</summary>
internal static class EvaluatorColumns
{
    public static DataViewSchema.Column Find(DataViewSchema schema, string name, string role, Func<DataViewType, bool> accepts, string expected)
    {
        var column = ColumnChecks.FindColumn(schema, name, role);
        if (!accepts(column.Type))
            throw ColumnChecks.Mismatch(name, expected, column.Type.ToString()!, role);
        return column;
    }

    /// <summary>A label for classification: a key, or a Single/Double holding the class index.</summary>
    public static DataViewSchema.Column FindClassLabel(DataViewSchema schema, string name) =>
        Find(schema, name, "label", t => t is KeyDataViewType || t == NumberDataViewType.Single || t == NumberDataViewType.Double,
            "Key, Single or Double");

    public static DataViewSchema.Column FindSingle(DataViewSchema schema, string name, string role) =>
        Find(schema, name, role, t => t == NumberDataViewType.Single, "Single");

    public static DataViewSchema.Column FindReal(DataViewSchema schema, string name, string role) =>
        Find(schema, name, role, t => t == NumberDataViewType.Single || t == NumberDataViewType.Double, "Single or Double");
}
