using Microsoft.ML.Data;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// A trained sequential-task MLP as an ML.NET model: scores are the network's outputs (one per class).
/// The network is held privately; <see cref="GetNetwork"/> hands out a copy, so a model never changes
/// after training or sleep.
/// </summary>
public sealed class MlpModelParameters : VectorScoringModelBase, ILoadableModel<MlpModelParameters>
{
    private const int FormatVersion = 1;
    private readonly MlpNetwork _network;

    /// <summary>Wraps a copy of <paramref name="network"/>.</summary>
    public MlpModelParameters(MlpNetwork network)
        : base(network.InputSize, network.OutputSize, batchSize: 256)
    {
        if (network.HasLinearLayers)
            throw new ArgumentException($"Network {network.Describe()} is factorized; convert it with LowRankNetworks.ToDense before wrapping it in a model.", nameof(network));
        _network = network.Clone();
    }

    /// <summary>Unit counts, input first.</summary>
    public IReadOnlyList<int> LayerSizes => _network.LayerSizes;

    /// <summary>A copy of the network (to train further, sleep, or inspect).</summary>
    public MlpNetwork GetNetwork() => _network.Clone();

    protected override void ScoreDense(ReadOnlySpan<float> features, int rows, Span<float> scores) =>
        _network.Score(features, rows).CopyTo(scores);

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(FormatVersion);
        var w = ctx.Writer;
        w.Write(_network.LayerSizes.Count);
        foreach (int size in _network.LayerSizes) w.Write(size);
        w.Write(_network.Biases != null);
        w.Write(_network.DropoutRate);
        w.Write((int)_network.DropoutConvention);
        w.Write((int)_network.OutputActivation);
        for (int l = 0; l < _network.LayerCount; l++)
        {
            foreach (float v in _network.Weights[l]) w.Write(v);
            if (_network.Biases != null) foreach (float v in _network.Biases[l]) w.Write(v);
        }
    }

    public static MlpModelParameters Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(FormatVersion);
        var r = ctx.Reader;
        int count = r.ReadInt32();
        if (count < 2 || count > 64) throw ctx.Error($"an MLP has {count} layer sizes; expected 2 to 64");
        var sizes = new int[count];
        for (int i = 0; i < count; i++)
        {
            sizes[i] = r.ReadInt32();
            if (sizes[i] <= 0) throw ctx.Error($"layer size {i} is {sizes[i]}; sizes must be positive");
        }
        bool bias = r.ReadBoolean();
        float dropout = r.ReadSingle();
        var convention = (DropoutConvention)r.ReadInt32();
        var output = (OutputActivation)r.ReadInt32();
        if (!Enum.IsDefined(convention) || !Enum.IsDefined(output) || !(dropout >= 0 && dropout < 1))
            throw ctx.Error($"invalid MLP settings (dropout {dropout}, convention {(int)convention}, output {(int)output})");
        var net = new MlpNetwork(sizes, bias, dropout, convention, output);
        for (int l = 0; l < net.LayerCount; l++)
        {
            ReadFloats(r, net.Weights[l]);
            if (net.Biases != null) ReadFloats(r, net.Biases[l]);
        }
        return new MlpModelParameters(net);
    }

    private static void ReadFloats(BinaryReader reader, float[] target)
    {
        for (int i = 0; i < target.Length; i++) target[i] = reader.ReadSingle();
    }
}
