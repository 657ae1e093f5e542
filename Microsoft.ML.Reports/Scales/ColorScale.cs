namespace Microsoft.ML.Reports;

/// <summary>A sequential colour scale: evenly spaced anchor colours, linearly interpolated between.</summary>
public sealed class ColorScale
{
    private readonly Rgb[] _anchors;

    /// <param name="name">Identifies the scale in error messages.</param>
    /// <param name="anchors">At least two colours, first for the low end.</param>
    public ColorScale(string name, params Rgb[] anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Length < 2)
            throw new ArgumentException($"Colour scale '{name}' needs at least two anchor colours, got {anchors.Length}.", nameof(anchors));
        Name = name;
        _anchors = (Rgb[])anchors.Clone();
    }

    public string Name { get; }

    /// <summary>Perceptually uniform purple → teal → yellow (the viridis anchors); good for values like accuracy.</summary>
    public static ColorScale Viridis { get; } = new("viridis",
        Rgb.Parse("#440154"), Rgb.Parse("#3b528b"), Rgb.Parse("#21918c"), Rgb.Parse("#5ec962"), Rgb.Parse("#fde725"));

    /// <summary>White (low) to black (high); the usual rendering of a SOM U-matrix, where dark means far apart.</summary>
    public static ColorScale Greyscale { get; } = new("greyscale", new Rgb(255, 255, 255), new Rgb(0, 0, 0));

    /// <summary>Fill for missing (NaN) values.</summary>
    public static Rgb Missing { get; } = new(0xee, 0xee, 0xee);

    /// <summary>Colour at position <paramref name="t"/> in [0, 1]; values outside are clamped, NaN gives <see cref="Missing"/>.</summary>
    public Rgb At(double t)
    {
        if (double.IsNaN(t))
            return Missing;
        t = Math.Clamp(t, 0, 1);
        double scaled = t * (_anchors.Length - 1);
        int lower = Math.Min((int)Math.Floor(scaled), _anchors.Length - 2);
        return Rgb.Lerp(_anchors[lower], _anchors[lower + 1], scaled - lower);
    }

    /// <summary>Colour of <paramref name="value"/> within [<paramref name="min"/>, <paramref name="max"/>]; a degenerate range maps to the middle.</summary>
    public Rgb Map(double value, double min, double max) =>
        double.IsNaN(value) ? Missing : At(max > min ? (value - min) / (max - min) : 0.5);
}
