using System.Text.RegularExpressions;

namespace Microsoft.ML.Reports.Tests;

[TestClass]
public sealed class ReportRenderingTests
{
    [TestMethod]
    public void Escape_ReplacesAllFiveMarkupCharacters() =>
        Assert.AreEqual("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;", Html.Escape("<a href=\"x\">Tom & Jerry's</a>"));

    [TestMethod]
    public void ToHtml_UserTextWithMarkup_IsEscapedEverywhere()
    {
        var report = new HtmlReport("<script>alert(1)</script>");
        var section = report.AddSection("a < b");
        section.AddText("x & y");
        section.Add(new SummaryTable()).Add("<k>", "\"v\"");
        section.Add(new LineChart("<chart>", "<x>", "<y>")).Add("<series>", [1.0, 2.0]);
        string html = report.ToHtml();
        Assert.AreEqual(1, Regex.Matches(html, "<script>").Count, "only the report's own self-check script");
        StringAssert.Contains(html, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>");
        StringAssert.Contains(html, "<h2>a &lt; b</h2>");
        StringAssert.Contains(html, "<p>x &amp; y</p>");
        StringAssert.Contains(html, "<th scope=\"row\">&lt;k&gt;</th><td>&quot;v&quot;</td>");
        StringAssert.Contains(html, "aria-label=\"&lt;chart&gt;\"");
        StringAssert.Contains(html, ">&lt;series&gt;</text>");
        Assert.DoesNotContain("<series>", html);
    }

    [TestMethod]
    public void ToHtml_SameContentTwice_GivesIdenticalOutput() =>
        Assert.AreEqual(SampleReport.Build().ToHtml(), SampleReport.Build().ToHtml());

    [TestMethod]
    public void ToHtml_ReferencesNothingOutsideTheFile()
    {
        string html = SampleReport.Build().ToHtml();
        var urls = Regex.Matches(html, "(?:https?:|//)[^\"' )]*").Select(m => m.Value).Distinct().ToList();
        CollectionAssert.AreEqual(new[] { "http://www.w3.org/2000/svg" }, urls, "only the SVG namespace name may look like a URL");
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("@import", html);
    }

    [TestMethod]
    public void ToHtml_SampleReport_TagsEveryChartWithItsKindAndMarkCount()
    {
        string html = SampleReport.Build().ToHtml();
        var tags = Regex.Matches(html, "data-chart=\"(\\w+)\" data-marks=\"(\\d+)\"")
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        CollectionAssert.AreEqual(SampleReport.ExpectedCharts, tags);
    }

    [TestMethod]
    public void ReportTable_MarkedBestRow_IsHighlightedWithAStar()
    {
        var table = new ReportTable(["Trainer", "Accuracy"]).AddRow("A", "0.8").AddRow("B", "0.9").MarkBest(1);
        string html = Rendered.Of(table);
        StringAssert.Contains(html, "<tr class=\"best\" data-best=\"true\"><td><span class=\"star\" title=\"best\">\u2605</span> B</td>");
        Assert.AreEqual(1, Rendered.Count(html, "data-best"));
    }

    [TestMethod]
    public void ReportTable_RowWithWrongCellCount_ThrowsNamingTheRow()
    {
        var table = new ReportTable(["a", "b", "c"]).AddRow("1", "2", "3");
        var error = Assert.ThrowsExactly<ArgumentException>(() => table.AddRow("x", "y"));
        StringAssert.Contains(error.Message, "Row 1 has 2 cells but the table has 3 columns");
    }

    [TestMethod]
    public void ReportTable_MarkBestOutsideTheRows_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ReportTable(["a"]).AddRow("1").MarkBest(1));

    [TestMethod]
    public void SummaryTable_Numbers_UseTheInvariantCultureAndFormat()
    {
        string html = Rendered.Of(new SummaryTable().Add("lr", 0.00125, "0.####").Add("loss", double.NaN));
        StringAssert.Contains(html, "<td>0.0013</td>");
        StringAssert.Contains(html, "<td>\u2013</td>");
    }

    [TestMethod]
    public void Save_WritesTheHtmlAndLeavesNoTemporaryFile()
    {
        string folder = Path.Combine(Path.GetTempPath(), "reports-save-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = new HtmlReport("first");
            string path = Path.Combine(folder, "nested", "report.html");
            report.Save(path);
            new HtmlReport("second").Save(path); // overwrites in place
            Assert.AreEqual(new HtmlReport("second").ToHtml(), File.ReadAllText(path));
            CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(Path.Combine(folder, "nested")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void AddSomEpoch_AddsClassMapAndUMatrixNamedByEpoch()
    {
        var section = new HtmlReport("r").AddSection("som");
        section.AddSomEpoch("layer 1", 3, new[,] { { 0, 1 } }, new[,] { { 1.0, 0.5 } }, new[,] { { 0.1, 0.2 } }, ["a", "b"]);
        Assert.HasCount(2, section.Blocks);
        Assert.AreEqual("layer 1, epoch 3: class labels", ((Chart)section.Blocks[0]).Title);
        Assert.AreEqual("umatrix", ((Chart)section.Blocks[1]).Kind);
    }
}
