namespace Microsoft.ML.Reports.Tests;

[TestClass]
public sealed class ChartRenderingTests
{
    [TestMethod]
    public void LineChart_TwoPoints_MapsThemToThePlotCorners()
    {
        // Plot area of a 640×340 chart: x 64…620, y 40…294; axes 1…2 (whole epochs) and 0…1.
        var chart = new LineChart("curve", "epoch", "accuracy").Add(new LineSeries("acc", [1, 2], [0, 1]));
        StringAssert.Contains(Rendered.Of(chart), "points=\"64,294 620,40\"");
    }

    [TestMethod]
    public void LineChart_LegendTooWideForOneRow_WrapsAndLowersThePlotTop()
    {
        // Each legend item is 18 + 16 × 6.5 + 14 = 136 px wide; from x = 64 four fit before 630, the fifth wraps,
        // so the plot starts one 16 px row lower (y 56 instead of 40).
        var chart = new LineChart("many", "epoch", "accuracy");
        for (int i = 0; i < 5; i++)
            chart.Add(new LineSeries($"series number {i:00}", [1, 2], [0, 1]));
        StringAssert.Contains(Rendered.Of(chart), "points=\"64,294 620,56\"");
    }

    [TestMethod]
    public void LineChart_SeriesBrokenByNaN_DrawsOneLinePerRunAndADotForALonePoint()
    {
        var chart = new LineChart("gaps", "epoch", "accuracy").Add("validation", [0.6, 0.7, double.NaN, 0.8, double.NaN, 0.9, 0.95]);
        string html = Rendered.Of(chart);
        Assert.AreEqual(2, Rendered.Count(html, "<polyline"));
        Assert.AreEqual(1, Rendered.Count(html, "<circle"));
        StringAssert.Contains(html, "data-marks=\"3\"");
    }

    [TestMethod]
    public void LineChart_Markers_AreCountedAndLabelled()
    {
        var chart = new LineChart("loss", "epoch", "loss").Add("train", [1.0, 0.5, 0.25]).AddMarker(2, "pruned 4 units");
        string html = Rendered.Of(chart);
        StringAssert.Contains(html, "data-marks=\"2\"");
        StringAssert.Contains(html, ">pruned 4 units</text>");
    }

    [TestMethod]
    public void LineChart_OnlyNaNValues_SaysNoData()
    {
        string html = Rendered.Of(new LineChart("nothing", "epoch", "loss").Add("train", [double.NaN, double.NaN]));
        StringAssert.Contains(html, "data-empty=\"true\"");
        StringAssert.Contains(html, "data-marks=\"0\"");
        StringAssert.Contains(html, ">no data</text>");
    }

    [TestMethod]
    public void LineSeries_WithMismatchedLengths_ThrowsNamingTheSeries()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new LineSeries("val", [1, 2, 3], [0.5, 0.6]));
        StringAssert.Contains(error.Message, "'val' has 3 x values but 2 y values");
    }

    [TestMethod]
    public void BarChart_SingleBar_RisesFromZeroToTheTopTick()
    {
        // Ticks 0…10 over plot y 40…274, so a bar of 10 spans the full 234 pixels.
        string html = Rendered.Of(new BarChart("rank", ["layer 1"], "stable rank").Add("task 1", [10]));
        StringAssert.Contains(html, "y=\"40\" width=\"");
        StringAssert.Contains(html, "height=\"234\" fill=\"#4e79a7\"");
    }

    [TestMethod]
    public void BarChart_NaNValue_DrawsNoBarForIt()
    {
        var chart = new BarChart("rank", ["a", "b", "c"], "rank").Add("t1", [1, 2, 3]).Add("t2", [1, double.NaN, 3]);
        StringAssert.Contains(Rendered.Of(chart), "data-marks=\"5\"");
    }

    [TestMethod]
    public void BarChart_SeriesOfWrongLength_ThrowsNamingIt()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new BarChart("rank", ["a", "b"], "rank").Add("t1", [1.0]));
        StringAssert.Contains(error.Message, "'t1' has 1 values but the chart has 2 categories");
    }

    [TestMethod]
    public void Heatmap_ColoursEndsOfTheRangeAndMarksNaNWithADash()
    {
        var map = new Heatmap("acc", ["r1", "r2"], ["c1", "c2"], new double[,] { { 0, 1 }, { 0.5, double.NaN } });
        string html = Rendered.Of(map);
        StringAssert.Contains(html, "data-marks=\"4\"");
        StringAssert.Contains(html, "fill=\"#440154\"");
        StringAssert.Contains(html, "fill=\"#fde725\"");
        StringAssert.Contains(html, "fill=\"#eeeeee\"");
        StringAssert.Contains(html, ">\u2013</text>");
        StringAssert.Contains(html, ">0.50</text>");
    }

    [TestMethod]
    public void Heatmap_FixedBounds_OverrideTheDataRange()
    {
        var map = new Heatmap("acc", ["r"], ["c"], new double[,] { { 0.5 } }) { Minimum = 0, Maximum = 1 };
        Assert.AreEqual((0.0, 1.0), map.Domain);
        StringAssert.Contains(Rendered.Of(map), "fill=\"#21918c\"");
    }

    [TestMethod]
    public void Heatmap_AllNaN_SaysNoData() =>
        StringAssert.Contains(Rendered.Of(new Heatmap("x", ["r"], ["c"], new double[,] { { double.NaN } })), "data-empty=\"true\"");

    [TestMethod]
    public void Heatmap_LabelsNotMatchingValues_ThrowsWithBothShapes()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new Heatmap("m", ["r"], ["a", "b"], new double[2, 2]));
        StringAssert.Contains(error.Message, "1×2 labels but 2×2 values");
    }

    [TestMethod]
    public void UMatrix_IsGreyscaleAndTaggedAsSuch()
    {
        string html = Rendered.Of(Heatmap.UMatrix("u", new double[,] { { 0, 2 }, { 1, 2 } }));
        StringAssert.Contains(html, "data-chart=\"umatrix\"");
        StringAssert.Contains(html, "fill=\"#ffffff\"");
        StringAssert.Contains(html, "fill=\"#000000\"");
        StringAssert.Contains(html, "fill=\"#808080\"");
    }

    [TestMethod]
    public void SomMap_UnlabelledCellIsGreyAndReliabilitySetsOpacity()
    {
        var som = new SomMap("som", new[,] { { SomMap.Unlabelled, 0 } }, new[,] { { 0.0, 0.5 } }, ["cat"]);
        string html = Rendered.Of(som);
        StringAssert.Contains(html, "data-marks=\"2\"");
        StringAssert.Contains(html, "fill=\"#d9d9d9\"><title>");
        StringAssert.Contains(html, "fill=\"#4e79a7\" fill-opacity=\"0.63\""); // 0.25 + 0.75 × 0.5 = 0.625
        StringAssert.Contains(html, ">50</text>");
    }

    [TestMethod]
    public void SomMap_LabelOutsideTheClasses_ThrowsNamingTheCell()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomMap("som", new[,] { { 0, 5 } }, null, ["a", "b"]));
        StringAssert.Contains(error.Message, "cell (0, 1) has label 5");
    }

    [TestMethod]
    public void SomMap_ReliabilityAboveOne_ThrowsNamingTheCell()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomMap("som", new[,] { { 0 } }, new[,] { { 1.5 } }, ["a"]));
        StringAssert.Contains(error.Message, "cell (0, 0) has reliability 1.5");
    }
}
