using System.Text;

namespace Microsoft.ML.Reports;

/// <summary>A table with a header row, e.g. one row per trainer with its metrics; one row may be marked best.</summary>
public sealed class ReportTable : ReportBlock
{
    private readonly List<string[]> _rows = [];

    public ReportTable(IReadOnlyList<string> columns, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        Columns = [.. columns];
        Caption = caption;
    }

    public IReadOnlyList<string> Columns { get; }
    public string? Caption { get; }
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Index of the row marked best (highlighted, with a ★), or null.</summary>
    public int? BestRow { get; private set; }

    public ReportTable AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"Row {_rows.Count} has {cells.Length} cells but the table has {Columns.Count} columns.", nameof(cells));
        _rows.Add([.. cells.Select(c => c ?? string.Empty)]);
        return this;
    }

    public ReportTable MarkBest(int rowIndex)
    {
        if (rowIndex < 0 || rowIndex >= _rows.Count)
            throw new ArgumentOutOfRangeException(nameof(rowIndex), rowIndex, $"The table has {_rows.Count} rows.");
        BestRow = rowIndex;
        return this;
    }

    internal override void Render(StringBuilder html)
    {
        html.Append("<table class=\"grid\">");
        if (Caption is not null)
            html.Append("<caption>").Append(Html.Escape(Caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (string column in Columns)
            html.Append("<th scope=\"col\">").Append(Html.Escape(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (int r = 0; r < _rows.Count; r++)
        {
            bool best = r == BestRow;
            html.Append(best ? "<tr class=\"best\" data-best=\"true\">" : "<tr>");
            for (int c = 0; c < Columns.Count; c++)
            {
                html.Append("<td>");
                if (best && c == 0)
                    html.Append("<span class=\"star\" title=\"best\">\u2605</span> ");
                html.Append(Html.Escape(_rows[r][c])).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>\n");
    }
}
