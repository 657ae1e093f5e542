namespace Microsoft.ML.Data;

/// <summary>ML.NET's default column names.</summary>
public static class DefaultColumnNames
{
    public const string Label = "Label";
    public const string Features = "Features";
    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string PredictedLabel = "PredictedLabel";
    public const string Weight = "Weight";
    public const string GroupId = "GroupId";
}
