namespace Microsoft.ML.Reports;

/// <summary>
/// A SOM as a D×D grid: each cell filled with the colour of its class label (unlabelled cells grey),
/// its reliability (0–1) shown as opacity and, on small grids, as a percentage.
/// </summary>
public sealed class SomMap : Chart
{
    /// <summary>Label value of a cell that no training example was mapped to.</summary>
    public const int Unlabelled = -1;

    private readonly int[,] _labels;
    private readonly double[,]? _reliability;

    /// <param name="labels">Class index per cell (row, column), or <see cref="Unlabelled"/>.</param>
    /// <param name="reliability">Per-cell reliability in [0, 1] (NaN allowed), same shape as labels; null draws all cells opaque.</param>
    /// <param name="classNames">Names of the class indices used in <paramref name="labels"/>.</param>
    public SomMap(string title, int[,] labels, double[,]? reliability, IReadOnlyList<string> classNames) : base(title, "som")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (reliability is not null && (reliability.GetLength(0) != labels.GetLength(0) || reliability.GetLength(1) != labels.GetLength(1)))
            throw new ArgumentException(
                $"SOM map '{title}': reliability is {reliability.GetLength(0)}×{reliability.GetLength(1)} but labels are {labels.GetLength(0)}×{labels.GetLength(1)}.",
                nameof(reliability));
        for (int r = 0; r < labels.GetLength(0); r++)
        {
            for (int c = 0; c < labels.GetLength(1); c++)
            {
                if (labels[r, c] < Unlabelled || labels[r, c] >= classNames.Count)
                    throw new ArgumentOutOfRangeException(nameof(labels), labels[r, c],
                        $"SOM map '{title}': cell ({r}, {c}) has label {labels[r, c]}, expected -1 or a class index below {classNames.Count}.");
                double rel = reliability?[r, c] ?? 1;
                if (rel is < 0 or > 1)
                    throw new ArgumentOutOfRangeException(nameof(reliability), rel,
                        $"SOM map '{title}': cell ({r}, {c}) has reliability {rel}, expected a value in [0, 1].");
            }
        }
        _labels = (int[,])labels.Clone();
        _reliability = (double[,]?)reliability?.Clone();
        ClassNames = [.. classNames];
    }

    public IReadOnlyList<string> ClassNames { get; }
    public int Rows => _labels.GetLength(0);
    public int Columns => _labels.GetLength(1);
    public double CellSize { get; init; } = 30;

    /// <summary>Print reliability percentages in the cells; they are printed only on grids up to 16 wide, where they fit.</summary>
    public bool ShowReliability { get; init; } = true;

    public override bool HasData => _labels.Length > 0;

    private double LegendWidth => 40 + ClassNames.Append("unlabelled").Max(TextWidth);

    private protected override (double Width, double Height) Size =>
        (12 + (CellSize * Columns) + 16 + LegendWidth, Math.Max(12 + (CellSize * Rows) + 12, 28 + (16 * (ClassNames.Count + 1))));

    /// <summary>Fill opacity of a cell: 0.25 at reliability 0 so the class colour stays recognisable, 1 at reliability 1.</summary>
    public static double Opacity(double reliability) => double.IsNaN(reliability) ? 1 : 0.25 + (0.75 * reliability);

    private protected override void Draw(SvgCanvas canvas)
    {
        const double Origin = 12;
        bool printValues = ShowReliability && _reliability is not null && Columns <= 16;
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                int label = _labels[r, c];
                double rel = _reliability?[r, c] ?? double.NaN;
                string fill = label == Unlabelled ? CategoricalPalette.Unlabelled : CategoricalPalette.Color(label);
                double x = Origin + (CellSize * c), y = Origin + (CellSize * r);
                string name = label == Unlabelled ? "unlabelled" : ClassNames[label];
                string tooltip = double.IsNaN(rel) ? $"({r}, {c}) {name}" : $"({r}, {c}) {name}, reliability {Html.Number(rel, "0.00")}";
                double opacity = label == Unlabelled ? 1 : Opacity(rel);
                canvas.Rect(x, y, CellSize - 1, CellSize - 1, fill, mark: true, opacity: opacity, tooltip: tooltip);
                if (printValues && label != Unlabelled && !double.IsNaN(rel))
                {
                    Rgb seen = Rgb.Lerp(new Rgb(255, 255, 255), Rgb.Parse(fill), opacity); // the translucent fill over the white page
                    canvas.Text(x + (CellSize / 2), y + (CellSize / 2) + 4, Html.Number(rel * 100, "0"), "middle", "cell-value", seen.ContrastingText);
                }
            }
        }

        double legendX = Origin + (CellSize * Columns) + 16;
        var entries = ClassNames.Select((n, i) => (n, CategoricalPalette.Color(i))).Append(("unlabelled", CategoricalPalette.Unlabelled)).ToList();
        for (int i = 0; i < entries.Count; i++)
            ChartParts.Legend(canvas, legendX, Origin + 10 + (ChartParts.LegendRowHeight * i), double.MaxValue, [entries[i]]); // one entry per row
    }
}
