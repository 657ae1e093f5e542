using System.Globalization;
using System.Text.RegularExpressions;

namespace Microsoft.ML.Reports.Tests;

/// <summary>
/// Opens a report with every chart kind in headless Chromium and checks that each chart really drew:
/// the page's own script counts laid-out marks per chart, and hiding the marks must change the screenshot inside each chart's box.
/// Fails (never skips) when Chromium is missing. Set REPORTS_TEST_OUTPUT to keep the HTML and PNG in that folder.
/// </summary>
[TestClass]
public sealed partial class BrowserRenderingTests
{
    private const int ViewportWidth = 1280;
    private const int ViewportHeight = 3200;

    // The smallest mark (a 2-pixel-wide line segment or a 3-pixel-radius dot) covers well over this many pixels.
    private const int MinimumPixelsPerMark = 20;

    [TestMethod]
    public void SampleReport_InHeadlessChromium_DrawsEveryMarkOfEveryChart()
    {
        string keep = Environment.GetEnvironmentVariable("REPORTS_TEST_OUTPUT") ?? string.Empty;
        string folder = keep.Length > 0 ? keep : Path.Combine(Path.GetTempPath(), "reports-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            string html = Path.Combine(folder, "report.html");
            string png = Path.Combine(folder, "report.png");
            SampleReport.Build().Save(html);

            var charts = ParseCharts(Chromium.DumpDom(html, ViewportWidth, ViewportHeight));
            Assert.HasCount(SampleReport.ExpectedCharts.Length, charts, "number of <svg data-chart> elements after loading");
            for (int i = 0; i < charts.Count; i++)
            {
                var (kind, marks) = SampleReport.ExpectedCharts[i];
                Assert.AreEqual(kind, charts[i].Kind, $"kind of chart {i}");
                Assert.AreEqual(marks, charts[i].Marks, $"marks the renderer emitted for chart {i} ({kind})");
                Assert.AreEqual(marks, charts[i].Drawn, $"marks Chromium laid out for chart {i} ({kind})");
            }

            // Paint the page twice, the second time with every data mark hidden (layout unchanged):
            // inside each chart's box the two screenshots must differ by at least a few pixels per mark.
            string hidden = Path.Combine(folder, "report-marks-hidden.html");
            File.WriteAllText(hidden, File.ReadAllText(html).Replace("</head>", "<style>.mark{visibility:hidden}</style></head>", StringComparison.Ordinal));
            string hiddenPng = Path.Combine(folder, "report-marks-hidden.png");
            Chromium.Screenshot(html, png, ViewportWidth, ViewportHeight);
            Chromium.Screenshot(hidden, hiddenPng, ViewportWidth, ViewportHeight);
            var shown = PngImage.Read(png);
            var blank = PngImage.Read(hiddenPng);
            for (int i = 0; i < charts.Count; i++)
            {
                var box = charts[i].Box;
                Assert.IsLessThanOrEqualTo(shown.Height, box.Y + box.Height, $"chart {i} lies below the screenshot; raise {nameof(ViewportHeight)}");
                int painted = DifferingPixels(shown, blank, box);
                if (charts[i].Marks > 0)
                    Assert.IsGreaterThanOrEqualTo(MinimumPixelsPerMark * charts[i].Marks, painted, $"pixels painted by the marks of chart {i} ({charts[i].Kind}) at {box}");
                else
                    Assert.AreEqual(0, painted, $"the empty chart {i} has no marks to paint");
            }
        }
        finally
        {
            if (keep.Length == 0 && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record RenderedChart(string Kind, int Marks, int Drawn, (int X, int Y, int Width, int Height) Box);

    private static List<RenderedChart> ParseCharts(string dom)
    {
        var charts = new List<RenderedChart>();
        foreach (Match svg in SvgTag().Matches(dom))
        {
            var attributes = Attribute().Matches(svg.Value).ToDictionary(a => a.Groups[1].Value, a => a.Groups[2].Value);
            Assert.IsTrue(attributes.ContainsKey("data-drawn"), $"the page script did not annotate {svg.Value}");
            int[] box = [.. attributes["data-box"].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
            charts.Add(new RenderedChart(attributes["data-chart"], int.Parse(attributes["data-marks"], CultureInfo.InvariantCulture),
                int.Parse(attributes["data-drawn"], CultureInfo.InvariantCulture), (box[0], box[1], box[2], box[3])));
        }
        return charts;
    }

    private static int DifferingPixels(PngImage a, PngImage b, (int X, int Y, int Width, int Height) box)
    {
        int count = 0;
        for (int y = box.Y; y < box.Y + box.Height; y++)
        {
            for (int x = box.X; x < box.X + box.Width; x++)
            {
                if (a[x, y] != b[x, y])
                    count++;
            }
        }
        return count;
    }

    [GeneratedRegex("<svg\\b[^>]*\\bdata-chart=\"[^>]*>")]
    private static partial Regex SvgTag();

    [GeneratedRegex("([\\w-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
