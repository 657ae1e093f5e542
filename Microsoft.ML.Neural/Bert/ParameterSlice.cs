namespace Microsoft.ML.Neural.Bert;

/// <summary>One named parameter inside a <see cref="ParameterTable"/>: a shape and a range of the
/// table's flat value (and gradient) buffer.</summary>
public sealed record ParameterSlice(string Name, int[] Shape, int Offset, int Count)
{
    /// <summary>This parameter's range of a buffer laid out like the table (values, gradients, optimizer state).</summary>
    public Span<float> Of(float[] buffer) => buffer.AsSpan(Offset, Count);
}
