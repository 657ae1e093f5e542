namespace Microsoft.ML.BpSom.Tests;

internal static class SyntheticData
{
    /// <summary>Three classes of 4-feature points scattered (±0.15) around well-separated centres in [0, 1].</summary>
    public static BpSomExamples Blobs(int count, int seed)
    {
        float[][] centres = [[0.2f, 0.2f, 0.8f, 0.5f], [0.8f, 0.3f, 0.2f, 0.5f], [0.5f, 0.8f, 0.5f, 0.1f]];
        var random = new Random(seed);
        var features = new float[count * 4];
        var labels = new int[count];
        for (int n = 0; n < count; n++)
        {
            labels[n] = n % 3 + 1;
            for (int i = 0; i < 4; i++) features[n * 4 + i] = centres[n % 3][i] + 0.3f * (random.NextSingle() - 0.5f);
        }
        return new BpSomExamples(features, labels, 4, 3);
    }
}
