using Microsoft.ML;
using Microsoft.ML.Datasets;

namespace GettingStarted;

/// <summary>Real MNIST when it can be found or downloaded; otherwise a small generated task, said out loud.</summary>
internal static class SampleData
{
    public static (IDataView Train, IDataView Test, string Source) Load(MLContext ml, int trainRows)
    {
        try
        {
            var train = ml.Data.TakeRows(ml.Data.LoadMnist(MnistSplit.Train), trainRows);
            var test = ml.Data.LoadMnist(MnistSplit.Test);
            return (train, test, $"MNIST, first {trainRows} training images, all 10,000 test images");
        }
        catch (Exception e) when (e is FileNotFoundException or HttpRequestException or IOException)
        {
            Console.WriteLine($"MNIST is not available here ({e.Message}).");
            Console.WriteLine("Running on a generated task instead: 4 classes of noisy 784-pixel prototypes.");
            return (ml.Data.LoadFromEnumerable(Generate(2000, seed: 1)),
                    ml.Data.LoadFromEnumerable(Generate(500, seed: 2)),
                    "generated (4 classes, 2000 train / 500 test rows)");
        }
    }

    /// <summary>Each class is a random binary 784-pixel prototype; rows flip 10% of its pixels.</summary>
    private static IEnumerable<DigitInput> Generate(int rows, int seed)
    {
        var prototypeRandom = new Random(42);
        var prototypes = Enumerable.Range(0, 4)
            .Select(_ => Enumerable.Range(0, 784).Select(_ => prototypeRandom.NextSingle() < 0.3f ? 1f : 0f).ToArray())
            .ToArray();
        var random = new Random(seed);
        for (int i = 0; i < rows; i++)
        {
            int label = i % prototypes.Length;
            var pixels = prototypes[label].Select(p => random.NextSingle() < 0.1f ? 1f - p : p).ToArray();
            yield return new DigitInput { Features = pixels, Label = label };
        }
    }
}
