namespace Microsoft.ML.Reports;

/// <summary>Distinct colours for series and class labels (the Tableau 10 palette), cycling after ten.</summary>
public static class CategoricalPalette
{
    private static readonly string[] Colors =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ];

    /// <summary>Fill of an unlabelled SOM cell.</summary>
    public const string Unlabelled = "#d9d9d9";

    /// <summary>The colour of category <paramref name="index"/> (0-based).</summary>
    public static string Color(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Colors[index % Colors.Length];
    }
}
