using System.Text;

namespace Microsoft.ML.Reports;

/// <summary>A paragraph of plain text (escaped; no markup is interpreted).</summary>
public sealed class ReportText(string text) : ReportBlock
{
    public string Text { get; } = text ?? throw new ArgumentNullException(nameof(text));

    internal override void Render(StringBuilder html) =>
        html.Append("<p>").Append(Html.Escape(Text)).Append("</p>\n");
}
