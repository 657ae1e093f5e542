namespace Microsoft.ML.Neural.Tests;

/// <summary>Element comparer for <c>CollectionAssert.AreEqual</c> on floats: equal within an absolute tolerance.</summary>
internal sealed class ToleranceComparer(float tolerance) : System.Collections.IComparer
{
    public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
}
