using System.Globalization;
using System.Text;

namespace Microsoft.ML.Reports;

/// <summary>Escaping and invariant number formatting shared by every block and chart.</summary>
public static class Html
{
    /// <summary>Escapes text for use both as element content and inside a double- or single-quoted attribute.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Formats an SVG coordinate: at most two decimals, invariant culture, never "-0".</summary>
    internal static string Coord(double value)
    {
        string s = Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>Formats a value with a .NET format string in the invariant culture; NaN becomes an en dash.</summary>
    public static string Number(double value, string format) =>
        double.IsNaN(value) ? "\u2013" : value.ToString(format, CultureInfo.InvariantCulture);
}
