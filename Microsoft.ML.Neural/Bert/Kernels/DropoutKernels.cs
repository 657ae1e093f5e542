namespace Microsoft.ML.Neural.Bert;

/// <summary>Inverted dropout with masks stored as multipliers (0 or 1/(1−p)), so applying a mask
/// forward or backward is one SIMD multiply.</summary>
internal static class DropoutKernels
{
    /// <summary>Fills <paramref name="mask"/> with 0 (dropped, probability p) or 1/(1−p) (kept).
    /// Cheap: each 64-bit counter-based draw decides four elements by 16-bit thresholds, so p is
    /// quantised to a multiple of 2⁻¹⁶; the draws depend only on the generator's position, not on threads.</summary>
    public static void FillMask(Generator generator, float p, Span<float> mask)
    {
        float scale = 1f / (1f - p);
        uint threshold = (uint)MathF.Round(p * 65536f);
        int draws = (mask.Length + 3) / 4;
        ulong start = generator.Position;
        generator.Position += (ulong)draws;
        unsafe
        {
            fixed (float* pm = mask)
            {
                nint mp = (nint)pm;
                int length = mask.Length;
                RowParallel.For(draws, 16, (first, end) =>
                {
                    float* m = (float*)mp;
                    for (int d = first; d < end; d++)
                    {
                        ulong bits = generator.Bits(start + (ulong)d);
                        int baseIndex = 4 * d;
                        for (int k = 0; k < 4 && baseIndex + k < length; k++)
                            m[baseIndex + k] = ((uint)(bits >> (16 * k)) & 0xFFFF) < threshold ? 0f : scale;
                    }
                });
            }
        }
    }
}
