namespace Microsoft.ML.BpSom.Tests;

internal static class Approx
{
    /// <summary>Element-wise equality within <paramref name="tolerance"/>, naming the first index that differs.</summary>
    public static void AreEqual(float[] expected, ReadOnlySpan<float> actual, float tolerance = 1e-6f)
    {
        Assert.AreEqual(expected.Length, actual.Length, "lengths differ");
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], tolerance, $"index {i}");
    }
}
