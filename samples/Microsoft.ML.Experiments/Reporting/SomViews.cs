using Microsoft.ML.BpSom;
using Microsoft.ML.Reports;

namespace Microsoft.ML.Experiments.Reporting;

/// <summary>A SOM as the report draws it: class indices per cell (0-based, <see cref="SomMap.Unlabelled"/> for an empty cell),
/// reliability as a fraction and the U-matrix, all as grids.</summary>
public static class SomViews
{
    public static void Add(ReportSection section, string name, int epoch, SelfOrganizingMap map, IReadOnlyList<string> classNames)
    {
        int side = map.GridSize;
        var labels = new int[side, side];
        var reliability = new double[side, side];
        var uMatrix = new double[side, side];
        float[] distances = map.ComputeUMatrix();
        for (int cell = 0; cell < map.CellCount; cell++)
        {
            var (row, column) = map.CellPosition(cell);
            // The map numbers classes 1..K with 0 for an unlabelled cell; the chart wants 0..K-1 and -1.
            labels[row, column] = map.Labels[cell] == 0 ? SomMap.Unlabelled : map.Labels[cell] - 1;
            reliability[row, column] = map.Reliabilities[cell] / 100.0;
            uMatrix[row, column] = distances[cell];
        }
        section.AddSomEpoch(name, epoch, labels, reliability, uMatrix, classNames);
    }
}
