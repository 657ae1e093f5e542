using System.Text;

namespace Microsoft.ML.Reports;

/// <summary>A two-column key/value table, e.g. run settings or the final metrics of a model.</summary>
public sealed class SummaryTable(string? caption = null) : ReportBlock
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    public string? Caption { get; } = caption;
    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    public SummaryTable Add(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _entries.Add(new(key, value ?? string.Empty));
        return this;
    }

    /// <summary>Adds a number formatted in the invariant culture with <paramref name="format"/>.</summary>
    public SummaryTable Add(string key, double value, string format = "0.####") => Add(key, Html.Number(value, format));

    internal override void Render(StringBuilder html)
    {
        html.Append("<table class=\"summary\">");
        if (Caption is not null)
            html.Append("<caption>").Append(Html.Escape(Caption)).Append("</caption>");
        foreach (var (key, value) in _entries)
            html.Append("<tr><th scope=\"row\">").Append(Html.Escape(key)).Append("</th><td>").Append(Html.Escape(value)).Append("</td></tr>");
        html.Append("</table>\n");
    }
}
