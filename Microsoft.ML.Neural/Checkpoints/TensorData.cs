namespace Microsoft.ML.Neural.Checkpoints;

/// <summary>A dense float32 tensor as stored in a checkpoint: its shape and its values in
/// row-major (C) order. <c>Values.Length</c> equals the product of <c>Shape</c> (1 for a scalar).</summary>
public sealed record TensorData(int[] Shape, float[] Values)
{
    /// <summary>Number of elements a tensor of <paramref name="shape"/> holds; throws on negative
    /// dimensions or more than <see cref="Array.MaxLength"/> elements.</summary>
    public static int ElementCount(IReadOnlyList<int> shape)
    {
        long n = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"Negative dimension {d} in shape {FormatShape(shape)}.", nameof(shape));
            n *= d;
            if (n > Array.MaxLength) throw new ArgumentException($"Shape {FormatShape(shape)} holds more than {Array.MaxLength} elements.", nameof(shape));
        }
        return (int)n;
    }

    /// <summary>The shape written as PyTorch prints it, e.g. <c>[2, 128]</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Writes a shape as PyTorch prints it, e.g. <c>[2, 128]</c>.</summary>
    public static string FormatShape(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";
}
