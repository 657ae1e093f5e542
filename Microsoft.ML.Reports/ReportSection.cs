namespace Microsoft.ML.Reports;

/// <summary>A headed part of a report holding blocks in order.</summary>
public sealed class ReportSection
{
    private readonly List<ReportBlock> _blocks = [];

    internal ReportSection(string heading) => Heading = heading ?? throw new ArgumentNullException(nameof(heading));

    public string Heading { get; }
    public IReadOnlyList<ReportBlock> Blocks => _blocks;

    /// <summary>Appends a block and returns it, so it can be filled in afterwards.</summary>
    public T Add<T>(T block) where T : ReportBlock
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks.Add(block);
        return block;
    }

    public ReportText AddText(string text) => Add(new ReportText(text));

    /// <summary>
    /// Adds the two views of a SOM after one labelled epoch: the class-label map (reliability as opacity)
    /// and the U-matrix, side by side.
    /// </summary>
    public void AddSomEpoch(string somName, int epoch, int[,] labels, double[,]? reliability, double[,] uMatrix,
        IReadOnlyList<string> classNames)
    {
        string prefix = $"{somName}, epoch {epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        Add(new SomMap(prefix + ": class labels", labels, reliability, classNames));
        Add(Heatmap.UMatrix(prefix + ": U-matrix", uMatrix));
    }
}
