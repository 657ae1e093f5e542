using System.Text;

namespace Microsoft.ML.Reports;

/// <summary>
/// Base of all charts. Renders a &lt;figure&gt; whose root &lt;svg&gt; carries data-chart (the kind)
/// and data-marks (how many data marks were drawn); a chart without data shows "no data" and has data-marks="0".
/// </summary>
public abstract class Chart : ReportBlock
{
    private protected Chart(string title, string kind)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Kind = kind;
    }

    public string Title { get; }

    /// <summary>Value of the data-chart attribute: line, bar, heatmap, umatrix or som.</summary>
    public string Kind { get; }

    /// <summary>True when at least one finite value would be drawn.</summary>
    public abstract bool HasData { get; }

    private protected abstract (double Width, double Height) Size { get; }

    private protected abstract void Draw(SvgCanvas canvas);

    internal override void Render(StringBuilder html)
    {
        var (width, height) = HasData ? Size : (320.0, 120.0);
        var canvas = new SvgCanvas(width, height);
        if (HasData)
            Draw(canvas);
        else
            canvas.Text(width / 2, height / 2, "no data", "middle", "no-data");

        html.Append("<figure class=\"chart\"><figcaption>").Append(Html.Escape(Title)).Append("</figcaption>")
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"").Append(Html.Escape(Title))
            .Append("\" data-chart=\"").Append(Kind).Append("\" data-marks=\"").Append(canvas.MarkCount).Append('"');
        if (!HasData)
            html.Append(" data-empty=\"true\"");
        html.Append(" width=\"").Append(Html.Coord(width)).Append("\" height=\"").Append(Html.Coord(height))
            .Append("\" viewBox=\"0 0 ").Append(Html.Coord(width)).Append(' ').Append(Html.Coord(height)).Append("\">")
            .Append(canvas.Body).Append("</svg></figure>\n");
    }

    /// <summary>Rough text width in pixels for the 11–12 px sans-serif used in charts (layout only needs an estimate).</summary>
    private protected static double TextWidth(string text) => text.Length * 6.5;
}
