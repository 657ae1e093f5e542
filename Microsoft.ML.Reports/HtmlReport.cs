using System.Text;

namespace Microsoft.ML.Reports;

/// <summary>
/// A report rendered as one self-contained HTML file: inline CSS and SVG, no external resources.
/// The output depends only on the content added (no timestamps), so the same input gives the same bytes.
/// </summary>
public sealed class HtmlReport
{
    private readonly List<ReportSection> _sections = [];

    public HtmlReport(string title, string? subtitle = null)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Subtitle = subtitle;
    }

    public string Title { get; }
    public string? Subtitle { get; }
    public IReadOnlyList<ReportSection> Sections => _sections;

    public ReportSection AddSection(string heading)
    {
        var section = new ReportSection(heading);
        _sections.Add(section);
        return section;
    }

    public string ToHtml()
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Escape(Title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyles.Css).Append("\n</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Html.Escape(Title)).Append("</h1>\n");
        if (Subtitle is not null)
            html.Append("<p class=\"subtitle\">").Append(Html.Escape(Subtitle)).Append("</p>\n");
        foreach (var section in _sections)
        {
            html.Append("<section>\n<h2>").Append(Html.Escape(section.Heading)).Append("</h2>\n");
            foreach (var block in section.Blocks)
                block.Render(html);
            html.Append("</section>\n");
        }
        html.Append("<script>\n").Append(ReportStyles.DrawnMarksScript).Append("\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Writes the report as UTF-8 to <paramref name="path"/>, creating the folder if needed. The file is written
    /// under a temporary name next to the target and then moved into place, so a reader never sees half a report.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, ToHtml(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
