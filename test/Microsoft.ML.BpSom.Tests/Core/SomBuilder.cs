namespace Microsoft.ML.BpSom.Tests;

/// <summary>Builds small maps with hand-chosen prototypes and labels for the rule tests.</summary>
internal static class SomBuilder
{
    public static SelfOrganizingMap Map(int gridSize, int dimension, float[] prototypes, int classCount = 3,
        GridDistance distance = GridDistance.Chebyshev) =>
        new(gridSize, dimension, classCount, distance, prototypes, new SomCellLabels(gridSize * gridSize, classCount));

    /// <summary>Gives each cell a label and reliability as a labelling pass would (counts set to match).</summary>
    public static void Label(SelfOrganizingMap map, int[] labels, int[] reliabilities)
    {
        var counts = new int[map.CellCount * map.ClassCount];
        for (int cell = 0; cell < labels.Length; cell++)
            if (labels[cell] > 0) counts[cell * map.ClassCount + labels[cell] - 1] = 1;
        map.CellLabels.Restore(counts, labels, reliabilities);
    }
}
