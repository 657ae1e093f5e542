namespace Microsoft.ML.Reports;

/// <summary>
/// A grid of coloured cells with optional value labels and a colour bar: confusion tables,
/// accuracy-by-task matrices, sweep pivot tables, and (greyscale, unlabelled) SOM U-matrices.
/// NaN cells are drawn light grey with a dash.
/// </summary>
public sealed class Heatmap : Chart
{
    private readonly double[,] _values;

    public Heatmap(string title, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, double[,] values)
        : this(title, "heatmap", rowLabels, columnLabels, values)
    {
    }

    private Heatmap(string title, string kind, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, double[,] values)
        : base(title, kind)
    {
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(values);
        if (rowLabels.Count != values.GetLength(0) || columnLabels.Count != values.GetLength(1))
            throw new ArgumentException(
                $"Heatmap '{title}' has {rowLabels.Count}×{columnLabels.Count} labels but {values.GetLength(0)}×{values.GetLength(1)} values.",
                nameof(values));
        RowLabels = [.. rowLabels];
        ColumnLabels = [.. columnLabels];
        _values = (double[,])values.Clone();
    }

    /// <summary>A SOM U-matrix: greyscale (dark = neighbouring units far apart), no axis labels, values shown only on small grids.</summary>
    public static Heatmap UMatrix(string title, double[,] distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var rows = Enumerable.Repeat(string.Empty, distances.GetLength(0)).ToArray();
        var columns = Enumerable.Repeat(string.Empty, distances.GetLength(1)).ToArray();
        return new Heatmap(title, "umatrix", rows, columns, distances)
        {
            Scale = ColorScale.Greyscale,
            ShowValues = distances.GetLength(0) <= 10 && distances.GetLength(1) <= 10,
            CellSize = 26,
        };
    }

    public IReadOnlyList<string> RowLabels { get; }
    public IReadOnlyList<string> ColumnLabels { get; }
    public double this[int row, int column] => _values[row, column];

    public ColorScale Scale { get; init; } = ColorScale.Viridis;

    /// <summary>Fixed colour-scale bounds (e.g. 0 and 1 for accuracy); null means the finite data range.</summary>
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public bool ShowValues { get; init; } = true;
    public string ValueFormat { get; init; } = "0.00";
    public string? RowAxisLabel { get; init; }
    public string? ColumnAxisLabel { get; init; }
    public double CellSize { get; init; } = 44;

    public override bool HasData => _values.Length > 0 && _values.Cast<double>().Any(double.IsFinite);

    private double CellWidth => Math.Max(CellSize, ColumnLabels.Max(TextWidth) + 8);
    private double LeftMargin => (RowAxisLabel is null ? 8 : 26) + RowLabels.Max(TextWidth) + 8;
    private double TopMargin => (ColumnAxisLabel is null ? 8 : 26) + (ColumnLabels.Any(l => l.Length > 0) ? 16 : 0);

    // The colour bar is as tall as the grid but at least 100 px, so its end labels stay apart on one-row maps.
    private double ColorBarHeight => Math.Max(CellSize * RowLabels.Count, 100);

    private protected override (double Width, double Height) Size =>
        (LeftMargin + (CellWidth * ColumnLabels.Count) + 90, TopMargin + ColorBarHeight + 14);

    /// <summary>The colour-scale bounds actually used: the fixed ones if given, else the finite data range.</summary>
    public (double Min, double Max) Domain
    {
        get
        {
            var (min, max) = ChartParts.FiniteRange(_values.Cast<double>());
            return (Minimum ?? min, Maximum ?? max);
        }
    }

    private protected override void Draw(SvgCanvas canvas)
    {
        var (min, max) = Domain;
        double left = LeftMargin, top = TopMargin, cellWidth = CellWidth;
        int rows = RowLabels.Count, columns = ColumnLabels.Count;

        if (ColumnAxisLabel is not null)
            canvas.Text(left + (cellWidth * columns / 2), 14, ColumnAxisLabel, "middle", "axis-title");
        if (RowAxisLabel is not null)
            canvas.Text(14, top + (CellSize * rows / 2), RowAxisLabel, "middle", "axis-title", rotate: -90);
        for (int c = 0; c < columns; c++)
            canvas.Text(left + (cellWidth * (c + 0.5)), top - 5, ColumnLabels[c], "middle");

        for (int r = 0; r < rows; r++)
        {
            double y = top + (CellSize * r);
            canvas.Text(left - 6, y + (CellSize / 2) + 4, RowLabels[r], "end");
            for (int c = 0; c < columns; c++)
            {
                double value = _values[r, c];
                Rgb fill = Scale.Map(value, min, max);
                double x = left + (cellWidth * c);
                string text = Html.Number(value, ValueFormat);
                string where = RowLabels[r].Length > 0 ? $"{RowLabels[r]} / {ColumnLabels[c]}" : $"({r}, {c})";
                canvas.Rect(x, y, cellWidth - 1, CellSize - 1, fill.ToHex(), mark: true, tooltip: $"{where}: {text}");
                if (ShowValues || double.IsNaN(value))
                    canvas.Text(x + (cellWidth / 2), y + (CellSize / 2) + 4, text, "middle", "cell-value", fill.ContrastingText);
            }
        }
        DrawColorBar(canvas, left + (cellWidth * columns) + 16, top, ColorBarHeight, min, max);
    }

    private void DrawColorBar(SvgCanvas canvas, double x, double top, double height, double min, double max)
    {
        const int Steps = 20;
        double step = height / Steps;
        for (int i = 0; i < Steps; i++)
            canvas.Rect(x, top + (i * step), 14, step + 0.5, Scale.At(1 - ((i + 0.5) / Steps)).ToHex()); // top = high end
        canvas.Text(x + 18, top + 9, Html.Number(max, ValueFormat));
        canvas.Text(x + 18, top + height, Html.Number(min, ValueFormat));
    }
}
