using Microsoft.ML.Data;

namespace Microsoft.ML.BpSom.Tests;

/// <summary>The synthetic three-class blobs as an IDataView with a key label, the shape ML.NET trainers take.</summary>
internal sealed class BlobRow
{
    [KeyType(3)]
    public uint Label { get; set; }

    [VectorType(4)]
    public float[] Features { get; set; } = [];

    public static IDataView Load(MLContext ml, int count, int seed)
    {
        var data = SyntheticData.Blobs(count, seed);
        var rows = Enumerable.Range(0, data.Count)
            .Select(n => new BlobRow { Label = (uint)data.Labels[n], Features = data.Row(n).ToArray() })
            .ToList();
        return ml.Data.LoadFromEnumerable(rows);
    }
}

/// <summary>What the tests read back from a scored view.</summary>
internal sealed class ScoredRow
{
    public float[] Score { get; set; } = [];
    public uint PredictedLabel { get; set; }
}
