using System.Globalization;
using Microsoft.ML.BpSom;

namespace BpSom.Sst2;

/// <summary>Prints a progress line every 10% of an epoch (synchronously, so lines come in order).</summary>
internal sealed class ConsoleProgress : IProgress<TextTrainingProgress>
{
    public void Report(TextTrainingProgress value)
    {
        int tenth = Math.Max(1, value.BatchesPerEpoch / 10);
        if (value.Batch % tenth != 0 && value.Batch != value.BatchesPerEpoch) return;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    epoch {value.Epoch}/{value.Epochs} batch {value.Batch}/{value.BatchesPerEpoch}: loss {value.Loss:F4}, accuracy {100 * value.Accuracy:F2}%, {value.ExamplesPerSecond:F0} examples/s"));
    }
}
