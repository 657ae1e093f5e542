using Microsoft.ML.Data;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// A trained dynamic sparse MLP as an ML.NET model: scores are the logits (one per class). Save/Load keep the masks,
/// weights, biases, batch-norm parameters and running statistics, and the k-winners duty cycles, so a loaded model
/// predicts exactly as the saved one. The training history is not saved.
/// </summary>
public sealed class DynamicSparseModelParameters : VectorScoringModelBase, ILoadableModel<DynamicSparseModelParameters>
{
    private const int FormatVersion = 1;

    internal DynamicSparseModelParameters(SparseMlp network, IReadOnlyList<EpochRecord> history)
        : base(network.InputSize, network.ClassCount, batchSize: 256)
    {
        Network = network;
        History = history;
    }

    /// <summary>The per-epoch history of the training run (empty for a loaded model).</summary>
    public IReadOnlyList<EpochRecord> History { get; }

    internal SparseMlp Network { get; }

    /// <summary>Unit counts, input first.</summary>
    public IReadOnlyList<int> LayerSizes => Network.Shape.Sizes;

    /// <summary>Connections / size of each layer.</summary>
    public IReadOnlyList<double> Densities =>
        Enumerable.Range(0, Network.LayerCount).Select(l => (double)Network.Connections(l) / (LayerSizes[l] * LayerSizes[l + 1])).ToArray();

    /// <summary>A layer's weights, row-major [outputs, inputs], zero off the mask.</summary>
    public float[] GetWeights(int layer) => Network.GetWeights(layer);

    protected override void ScoreDense(ReadOnlySpan<float> features, int rows, Span<float> scores) =>
        Network.Score(features, rows, scores);

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(FormatVersion);
        var w = ctx.Writer;
        var shape = Network.Shape;
        w.Write(shape.Sizes.Length);
        foreach (int s in shape.Sizes) w.Write(s);
        w.Write(shape.BatchNorm);
        w.Write(shape.UseKWinners);
        w.Write(shape.KWinnersPercentOn);
        w.Write(shape.BoostStrength);
        w.Write(shape.KInferenceFactor);
        w.Write(shape.DutyCyclePeriod);
        for (int l = 0; l < Network.LayerCount; l++)
        {
            var layer = Network.Layer(l);
            w.Write(layer.ConnectionCount);
            var dense = layer.DenseWeights();
            w.Write(layer.StoredCount);
            for (int i = 0; i < dense.Length; i++)
            {
                if (!layer.Mask[i]) continue;
                w.Write(i);
                w.Write(dense[i]);
            }
            WriteFloats(w, layer.Bias);
            if (Network.Norm(l) is { } norm)
            {
                WriteFloats(w, norm.Gamma);
                WriteFloats(w, norm.Beta);
                WriteFloats(w, norm.RunningMean);
                WriteFloats(w, norm.RunningVariance);
            }
            if (Network.Winners(l) is { } winners)
            {
                w.Write(winners.BoostStrength);
                WriteFloats(w, winners.DutyCycles);
            }
        }
    }

    public static DynamicSparseModelParameters Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(FormatVersion);
        var r = ctx.Reader;
        int count = r.ReadInt32();
        if (count < 2 || count > 64) throw ctx.Error($"a network has {count} layer sizes; expected 2 to 64");
        var sizes = new int[count];
        for (int i = 0; i < count; i++)
        {
            sizes[i] = r.ReadInt32();
            if (sizes[i] <= 0 || sizes[i] > 1 << 20) throw ctx.Error($"layer size {i} is {sizes[i]}");
        }
        var shape = new NetworkShape(sizes, r.ReadBoolean(), r.ReadBoolean(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32());
        try { shape.Validate(); }
        catch (ArgumentException e) { throw ctx.Error(e.Message); }
        var layers = new SparseLinear[count - 1];
        var norms = new BatchNorm?[count - 1];
        var winners = new KWinners?[count - 1];
        for (int l = 0; l < layers.Length; l++)
        {
            int inputs = sizes[l], outputs = sizes[l + 1], size = inputs * outputs;
            int connectionCount = r.ReadInt32();
            int stored = r.ReadInt32();
            if (stored < 0 || stored > size || connectionCount < 0 || connectionCount > size)
                throw ctx.Error($"layer {l} claims {stored} stored of {connectionCount} connections in {size} positions");
            var mask = new bool[size];
            var dense = new float[size];
            for (int k = 0; k < stored; k++)
            {
                int at = r.ReadInt32();
                if (at < 0 || at >= size || mask[at]) throw ctx.Error($"layer {l}: connection position {at} is out of range or repeated");
                mask[at] = true;
                dense[at] = r.ReadSingle();
            }
            layers[l] = new SparseLinear(inputs, outputs, mask, dense, ReadFloats(r, outputs), connectionCount);
            if (l == layers.Length - 1) continue;
            if (shape.BatchNorm)
            {
                var norm = new BatchNorm(outputs);
                ReadFloats(r, outputs).CopyTo(norm.Gamma, 0);
                ReadFloats(r, outputs).CopyTo(norm.Beta, 0);
                ReadFloats(r, outputs).CopyTo(norm.RunningMean, 0);
                ReadFloats(r, outputs).CopyTo(norm.RunningVariance, 0);
                norms[l] = norm;
            }
            if (shape.UseKWinners)
            {
                var kw = new KWinners(outputs, shape.KWinnersPercentOn, r.ReadDouble(), shape.KInferenceFactor, shape.DutyCyclePeriod);
                ReadFloats(r, outputs).CopyTo(kw.DutyCycles, 0);
                winners[l] = kw;
            }
        }
        return new DynamicSparseModelParameters(new SparseMlp(shape, layers, norms, winners), []);
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (float v in values) writer.Write(v);
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = reader.ReadSingle();
        return values;
    }
}
