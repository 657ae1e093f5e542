using Microsoft.ML.BpSom;
using Microsoft.ML.Reports;

namespace Microsoft.ML.Experiments.Reporting;

/// <summary>A SOM snapshot as the report draws it: class indices per cell (0-based, <see cref="SomMap.Unlabelled"/> for an empty
/// cell) with reliability as a fraction, and the U-matrix, all as grids.</summary>
public static class SomViews
{
    /// <summary>Label maps of a compact view fit in about this many pixels a side, so many epochs' maps sit several to a row.</summary>
    private const double CompactMapPixels = 160;

    /// <summary>Adds the class-label map and the U-matrix of <paramref name="som"/>. <paramref name="compact"/> draws the label map
    /// small and without percentages (for a run with many labelled epochs); the U-matrix keeps its standard size.</summary>
    public static void Add(ReportSection section, string title, SomSnapshot som, IReadOnlyList<string> classNames, bool compact = false)
    {
        int side = som.GridSize;
        var labels = new int[side, side];
        var reliability = new double[side, side];
        var uMatrix = new double[side, side];
        for (int cell = 0; cell < som.CellCount; cell++)
        {
            var (row, column) = (cell / side, cell % side);
            // The map numbers classes 1..K with 0 for an unlabelled cell; the chart wants 0..K-1 and -1.
            labels[row, column] = som.Labels[cell] == 0 ? SomMap.Unlabelled : som.Labels[cell] - 1;
            reliability[row, column] = som.Reliabilities[cell] / 100.0;
            uMatrix[row, column] = som.UMatrix[cell];
        }
        section.Add(compact
            ? new SomMap(title + ": class labels", labels, reliability, classNames)
            {
                CellSize = Math.Clamp(CompactMapPixels / side, 4, 30),
                ShowReliability = false,
            }
            : new SomMap(title + ": class labels", labels, reliability, classNames));
        section.Add(Heatmap.UMatrix(title + ": U-matrix", uMatrix));
    }
}
