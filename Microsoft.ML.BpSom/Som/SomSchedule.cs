namespace Microsoft.ML.BpSom;

/// <summary>The per-epoch SOM schedules of the reference main loop (ALGORITHMS.md A.10):
/// a linear learning-rate fall and a quartic, rounded radius fall, both reaching their minimum at the last epoch.</summary>
public static class SomSchedule
{
    /// <summary>min + ((N − epoch) / N) · (max − min), for epoch 1..N.</summary>
    public static float LearningRate(int epoch, int numberOfEpochs, float minimum, float maximum)
    {
        CheckEpoch(epoch, numberOfEpochs);
        double remaining = (double)(numberOfEpochs - epoch) / numberOfEpochs;
        return (float)(minimum + remaining * (maximum - minimum));
    }

    /// <summary>min + floor(((N − epoch)^4 / N^4) · (max − min) + 0.5), for epoch 1..N.</summary>
    public static int Radius(int epoch, int numberOfEpochs, int minimum, int maximum)
    {
        CheckEpoch(epoch, numberOfEpochs);
        double remaining = (double)(numberOfEpochs - epoch) / numberOfEpochs;
        double fall = remaining * remaining * remaining * remaining;
        return minimum + (int)Math.Floor(fall * (maximum - minimum) + 0.5);
    }

    private static void CheckEpoch(int epoch, int numberOfEpochs)
    {
        if (numberOfEpochs < 1) throw new ArgumentOutOfRangeException(nameof(numberOfEpochs), numberOfEpochs, "The number of epochs must be at least 1.");
        if (epoch < 1 || epoch > numberOfEpochs) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"The epoch must lie in 1..{numberOfEpochs}.");
    }
}
