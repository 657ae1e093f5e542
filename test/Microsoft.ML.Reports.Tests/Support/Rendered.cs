using System.Text;
using System.Text.RegularExpressions;

namespace Microsoft.ML.Reports.Tests;

/// <summary>Renders single blocks to HTML and counts things in the markup.</summary>
internal static class Rendered
{
    public static string Of(ReportBlock block)
    {
        var html = new StringBuilder();
        block.Render(html);
        return html.ToString();
    }

    public static int Count(string html, string fragment) => Regex.Matches(html, Regex.Escape(fragment)).Count;
}
