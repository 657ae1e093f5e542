using Microsoft.ML.Data;

namespace Microsoft.ML.Trainers;

/// <summary>
/// Reads a Vector&lt;Single, n&gt; feature column and a Key&lt;UInt32, K&gt; label column as mini-batches of dense
/// features and 0-based class indices. A missing label (key 0, e.g. a value unseen by MapValueToKey) stops
/// reading with an exception naming the row, instead of surfacing later as an out-of-range class.
/// </summary>
/// <example>
/// <code>
/// var reader = new MiniBatchReader(data, "Features", "Label");
/// for (int epoch = 0; epoch &lt; 10; epoch++)
///     foreach (var batch in reader.Read(batchSize: 64, shuffle: host.Rand, cancellation))
///         Train(batch.Features, batch.Labels, batch.Count);
/// </code>
/// </example>
public sealed class MiniBatchReader
{
    private readonly IDataView _data;
    private readonly DataViewSchema.Column _features;
    private readonly DataViewSchema.Column _label;

    public MiniBatchReader(IDataView data, string featureColumnName, string labelColumnName)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _features = ColumnChecks.FindColumn(data.Schema, featureColumnName, "feature");
        if (_features.Type is not VectorDataViewType { IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
            throw ColumnChecks.Mismatch(featureColumnName, "Vector<Single>", _features.Type.ToString()!, "feature");
        _label = ColumnChecks.FindColumn(data.Schema, labelColumnName, "label");
        if (_label.Type is not KeyDataViewType key || key.RawType != typeof(uint))
            throw ColumnChecks.Mismatch(labelColumnName, "Key<UInt32>", _label.Type.ToString()!, "label");
        FeatureCount = vector.Size;
        ClassCount = checked((int)key.Count);
    }

    public int FeatureCount { get; }
    public int ClassCount { get; }

    /// <summary>
    /// The rows in batches of <paramref name="batchSize"/> (the last may be smaller). With <paramref name="shuffle"/>,
    /// the order is shuffled: by a shuffled cursor when the view can shuffle, else by reading all rows into memory
    /// first. The same <see cref="MiniBatch"/> instance is returned each time, refilled.
    /// </summary>
    public IEnumerable<MiniBatch> Read(int batchSize, Random? shuffle = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return shuffle is not null && !_data.CanShuffle
            ? ReadShuffledInMemory(batchSize, shuffle, cancellation)
            : ReadFromCursor(batchSize, shuffle, cancellation);
    }

    private IEnumerable<MiniBatch> ReadFromCursor(int batchSize, Random? shuffle, CancellationToken cancellation)
    {
        var batch = new MiniBatch(batchSize, FeatureCount);
        using var cursor = _data.GetRowCursor(new[] { _features, _label }, shuffle);
        var features = cursor.GetGetter<VBuffer<float>>(_features);
        var label = cursor.GetGetter<uint>(_label);
        var id = cursor.GetIdGetter();
        VBuffer<float> vector = default;
        uint key = 0;
        DataViewRowId rowId = default;
        batch.Count = 0;
        while (cursor.MoveNext())
        {
            features(ref vector);
            label(ref key);
            if (key == 0 || key > ClassCount)
            {
                id(ref rowId);
                throw MissingLabel(rowId, key);
            }
            vector.CopyTo(batch.FeatureRow(batch.Count));
            batch.LabelBuffer[batch.Count] = (int)key - 1;
            if (++batch.Count == batchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                yield return batch;
                batch.Count = 0;
            }
        }
        if (batch.Count > 0)
            yield return batch;
    }

    private IEnumerable<MiniBatch> ReadShuffledInMemory(int batchSize, Random shuffle, CancellationToken cancellation)
    {
        var allFeatures = new List<float>();
        var allLabels = new List<int>();
        foreach (var chunk in ReadFromCursor(batchSize, shuffle: null, cancellation))
        {
            allFeatures.AddRange(chunk.Features);
            allLabels.AddRange(chunk.Labels);
        }
        var order = Enumerable.Range(0, allLabels.Count).ToArray();
        shuffle.Shuffle(order);
        var features = allFeatures.ToArray();
        var batch = new MiniBatch(batchSize, FeatureCount);
        for (int start = 0; start < order.Length; start += batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            batch.Count = Math.Min(batchSize, order.Length - start);
            for (int i = 0; i < batch.Count; i++)
            {
                int row = order[start + i];
                features.AsSpan(row * FeatureCount, FeatureCount).CopyTo(batch.FeatureRow(i));
                batch.LabelBuffer[i] = allLabels[row];
            }
            yield return batch;
        }
    }

    private InvalidDataException MissingLabel(DataViewRowId rowId, uint key) =>
        new(key == 0
            ? $"Row {rowId}: label column '{_label.Name}' holds the missing key 0 (a value not seen when the key mapping was built, or an empty label). " +
              "Remove such rows (FilterRowsByMissingValues) or build the key mapping from data that contains every label."
            : $"Row {rowId}: label column '{_label.Name}' holds key {key}, outside 1..{ClassCount}.");
}
