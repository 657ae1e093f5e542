using Microsoft.ML.Data;

namespace Microsoft.ML.Experiments.Running;

/// <summary>A confusion table as plain data: <see cref="Counts"/>[actual][predicted] over <see cref="Classes"/>.</summary>
public sealed record ConfusionTable(IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<double>> Counts)
{
    public static ConfusionTable From(ConfusionMatrix matrix) =>
        new(matrix.PredictedClassesIndicators.Select(c => c.ToString()).ToArray(), matrix.Counts);
}
