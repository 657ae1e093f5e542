namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class SleepInputTests
{
    // Dt·MaxRate = 0.5 makes the spike rule U(0,1) ≤ intensity, so intensity 1 always spikes.
    private static SleepOptions CertainSpikes(SleepInputMode mode) => new()
    {
        Beta = [1.0], Dt = 0.001, MaxRate = 500, PatchSize = 1, InputMode = mode, MaskFraction = 1, SamplesPerStep = 3,
    };

    [TestMethod]
    public void MeanImagePatch_SpikesExactlyOneSquarePatchOfPatchSizePlusOnePixels()
    {
        var data = Enumerable.Repeat(1f, 2 * 16).ToArray();     // two 4×4 white images
        var input = new SleepInput(data, 2, 16, CertainSpikes(SleepInputMode.MeanImagePatch));
        var rng = new Random(5);
        var spikes = new int[16];
        for (int step = 0; step < 20; step++)
        {
            int n = input.Next(rng, spikes);
            Assert.AreEqual(4, n);
            int r = spikes[0] / 4, c = spikes[0] % 4;
            CollectionAssert.AreEqual(new[] { r * 4 + c, r * 4 + c + 1, (r + 1) * 4 + c, (r + 1) * 4 + c + 1 }, spikes[..4]);
        }
    }

    [TestMethod]
    public void MeanImage_IsTheMeanOfTheSleepRows()
    {
        float[] data = [0f, 1f, 0.5f, 0.25f, 1f, 0f, 0.5f, 0.75f];
        var input = new SleepInput(data, 2, 4, CertainSpikes(SleepInputMode.MeanImagePatch));
        CollectionAssert.AreEqual(new[] { 0.5f, 0.5f, 0.5f, 0.5f }, input.MeanImage.ToArray());
    }

    [TestMethod]
    public void MaskedSampleMean_WithFullMaskSpikesEveryPixelBrightInEveryImage()
    {
        // Pixel 0 is 1 in every image, pixel 1 is 0 in every image: certain spike and certain silence.
        float[] data = [1f, 0f, 1f, 0f];
        var options = CertainSpikes(SleepInputMode.MaskedSampleMean);
        var input = new SleepInput(data, 2, 2, options);
        var spikes = new int[2];
        var rng = new Random(1);
        for (int step = 0; step < 10; step++)
        {
            Assert.AreEqual(1, input.Next(rng, spikes));
            Assert.AreEqual(0, spikes[0]);
        }
    }

    [TestMethod]
    public void SpikeProbability_IsTwoDtMaxRateTimesIntensity()
    {
        // Dt·MaxRate = 0.25 → P = 0.5·intensity; intensity 0.8 → P = 0.4.
        var options = new SleepOptions { Beta = [1.0], Dt = 0.001, MaxRate = 250, InputMode = SleepInputMode.MaskedSampleMean, MaskFraction = 1, SamplesPerStep = 1 };
        var input = new SleepInput(Enumerable.Repeat(0.8f, 100).ToArray(), 1, 100, options);
        var spikes = new int[100];
        var rng = new Random(11);
        long total = 0;
        for (int step = 0; step < 200; step++) total += input.Next(rng, spikes);
        Assert.AreEqual(0.4, total / 20000.0, 0.02);
    }
}
