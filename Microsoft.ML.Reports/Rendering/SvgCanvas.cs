using System.Text;

namespace Microsoft.ML.Reports;

/// <summary>
/// Accumulates the body of one chart's &lt;svg&gt;. Data marks (bars, cells, lines of a series,
/// event markers) carry the CSS class "mark" and are counted, so a browser check can compare
/// what was drawn with what the renderer meant to draw.
/// </summary>
internal sealed class SvgCanvas(double width, double height)
{
    private readonly StringBuilder _body = new();

    public double Width { get; } = width;
    public double Height { get; } = height;
    public int MarkCount { get; private set; }
    public string Body => _body.ToString();

    public void Rect(double x, double y, double w, double h, string fill, bool mark = false,
        double opacity = 1, string? tooltip = null, string? cssClass = null)
    {
        _body.Append("<rect").Append(Class(mark, cssClass))
            .Append(" x=\"").Append(Html.Coord(x)).Append("\" y=\"").Append(Html.Coord(y))
            .Append("\" width=\"").Append(Html.Coord(Math.Max(0, w))).Append("\" height=\"").Append(Html.Coord(Math.Max(0, h)))
            .Append("\" fill=\"").Append(fill).Append('"');
        if (opacity < 1)
            _body.Append(" fill-opacity=\"").Append(Html.Coord(opacity)).Append('"');
        Close("rect", tooltip, mark);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, bool mark = false,
        bool dashed = false, string? cssClass = null, string? tooltip = null)
    {
        _body.Append("<line").Append(Class(mark, cssClass))
            .Append(" x1=\"").Append(Html.Coord(x1)).Append("\" y1=\"").Append(Html.Coord(y1))
            .Append("\" x2=\"").Append(Html.Coord(x2)).Append("\" y2=\"").Append(Html.Coord(y2))
            .Append("\" stroke=\"").Append(stroke).Append('"');
        if (dashed)
            _body.Append(" stroke-dasharray=\"5 4\"");
        Close("line", tooltip, mark);
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, bool dashed, string? tooltip)
    {
        _body.Append("<polyline class=\"mark series\" fill=\"none\" stroke=\"").Append(stroke).Append("\" points=\"");
        for (int i = 0; i < points.Count; i++)
        {
            if (i > 0)
                _body.Append(' ');
            _body.Append(Html.Coord(points[i].X)).Append(',').Append(Html.Coord(points[i].Y));
        }
        _body.Append('"');
        if (dashed)
            _body.Append(" stroke-dasharray=\"6 4\"");
        Close("polyline", tooltip, mark: true);
    }

    public void Circle(double cx, double cy, double r, string fill, bool mark = false, string? tooltip = null)
    {
        _body.Append("<circle").Append(Class(mark, null))
            .Append(" cx=\"").Append(Html.Coord(cx)).Append("\" cy=\"").Append(Html.Coord(cy))
            .Append("\" r=\"").Append(Html.Coord(r)).Append("\" fill=\"").Append(fill).Append('"');
        Close("circle", tooltip, mark);
    }

    public void Text(double x, double y, string text, string anchor = "start", string? cssClass = null,
        string? fill = null, double rotate = 0)
    {
        _body.Append("<text").Append(Class(false, cssClass))
            .Append(" x=\"").Append(Html.Coord(x)).Append("\" y=\"").Append(Html.Coord(y)).Append('"');
        if (anchor != "start")
            _body.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (fill is not null)
            _body.Append(" style=\"fill:").Append(fill).Append('"'); // inline style, so it beats the stylesheet's default text colour
        if (rotate != 0)
            _body.Append(" transform=\"rotate(").Append(Html.Coord(rotate)).Append(' ')
                .Append(Html.Coord(x)).Append(' ').Append(Html.Coord(y)).Append(")\"");
        _body.Append('>').Append(Html.Escape(text)).Append("</text>");
    }

    private static string Class(bool mark, string? cssClass) => (mark, cssClass) switch
    {
        (true, null) => " class=\"mark\"",
        (true, _) => " class=\"mark " + cssClass + "\"",
        (false, null) => string.Empty,
        (false, _) => " class=\"" + cssClass + "\"",
    };

    private void Close(string element, string? tooltip, bool mark)
    {
        if (tooltip is null)
            _body.Append("/>");
        else
            _body.Append("><title>").Append(Html.Escape(tooltip)).Append("</title></").Append(element).Append('>');
        if (mark)
            MarkCount++;
    }
}
