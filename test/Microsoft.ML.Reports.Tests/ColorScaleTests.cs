namespace Microsoft.ML.Reports.Tests;

[TestClass]
public sealed class ColorScaleTests
{
    [TestMethod]
    public void Viridis_AtEndsAndMiddle_ReturnsItsAnchors()
    {
        Assert.AreEqual("#440154", ColorScale.Viridis.At(0).ToHex());
        Assert.AreEqual("#21918c", ColorScale.Viridis.At(0.5).ToHex());
        Assert.AreEqual("#fde725", ColorScale.Viridis.At(1).ToHex());
    }

    [TestMethod]
    public void Viridis_BetweenAnchors_InterpolatesEachChannel()
    {
        // Halfway between #440154 and #3b528b: (68+59)/2 = 63.5 → 64, (1+82)/2 = 41.5 → 42, (84+139)/2 = 111.5 → 112.
        Assert.AreEqual("#402a70", ColorScale.Viridis.At(0.125).ToHex());
    }

    [TestMethod]
    public void Greyscale_QuarterOfTheRange_IsThreeQuartersWhite() =>
        Assert.AreEqual("#bfbfbf", ColorScale.Greyscale.Map(0.25, 0, 1).ToHex()); // 255 × 0.75 = 191.25 → 191

    [TestMethod]
    public void Map_ValueOutsideRange_IsClamped()
    {
        Assert.AreEqual(ColorScale.Viridis.At(1), ColorScale.Viridis.Map(7, 0, 1));
        Assert.AreEqual(ColorScale.Viridis.At(0), ColorScale.Viridis.Map(-7, 0, 1));
    }

    [TestMethod]
    public void Map_DegenerateRange_GivesTheMiddleColour() =>
        Assert.AreEqual("#808080", ColorScale.Greyscale.Map(3, 3, 3).ToHex()); // 127.5 rounds away from zero

    [TestMethod]
    public void Map_NaN_GivesTheMissingColour() =>
        Assert.AreEqual(ColorScale.Missing, ColorScale.Viridis.Map(double.NaN, 0, 1));

    [TestMethod]
    public void Constructor_WithOneAnchor_ThrowsNamingTheScale()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new ColorScale("flat", new Rgb(1, 2, 3)));
        StringAssert.Contains(error.Message, "'flat'");
    }

    [TestMethod]
    public void Parse_MalformedHex_ThrowsQuotingTheValue()
    {
        var error = Assert.ThrowsExactly<FormatException>(() => Rgb.Parse("#12ab"));
        StringAssert.Contains(error.Message, "'#12ab'");
    }

    [TestMethod]
    public void ContrastingText_IsWhiteOnDarkAndBlackOnLightFills()
    {
        Assert.AreEqual("#ffffff", Rgb.Parse("#440154").ContrastingText);
        Assert.AreEqual("#000000", Rgb.Parse("#fde725").ContrastingText);
    }

    [TestMethod]
    public void CategoricalPalette_AfterTenColours_StartsAgain()
    {
        Assert.AreEqual("#4e79a7", CategoricalPalette.Color(0));
        Assert.AreEqual(CategoricalPalette.Color(0), CategoricalPalette.Color(10));
        Assert.AreNotEqual(CategoricalPalette.Color(0), CategoricalPalette.Color(1));
    }
}
