using Microsoft.ML.Data;

namespace Microsoft.ML.BpSom;

/// <summary>A trained BP-SOM network (the best one found on validation) with its SOMs and training history.
/// Score: the K logistic outputs divided by their sum, so each row's scores are non-negative and sum to 1
/// (uniform when every output is 0); the predicted class is the largest output, as in the reference.</summary>
public sealed class BpSomModelParameters : VectorScoringModelBase, ILoadableModel<BpSomModelParameters>
{
    /// <summary>2: the history carries the SOM snapshots of each labelled epoch; version 1 files (without) still load.</summary>
    private const int FormatVersion = 2;
    private readonly BpSomNetwork _network;
    private readonly BpSomEpochStatistics[] _history;

    internal BpSomModelParameters(BpSomNetwork network, IEnumerable<BpSomEpochStatistics> history)
        : base(network.Perceptron.InputCount, network.ClassCount)
    {
        _network = network;
        _history = history.ToArray();
        HiddenLayerSizes = network.Perceptron.Sizes()[1..^1];
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount => ScoreCount;

    /// <summary>Current size of each hidden layer, after pruning.</summary>
    public IReadOnlyList<int> HiddenLayerSizes { get; }

    /// <summary>Maps[h] is the SOM of hidden layer h + 1, labelled on the training set after training.</summary>
    public IReadOnlyList<SelfOrganizingMap> Maps => _network.Maps;

    /// <summary>One record per training epoch; test (labelling) epochs carry a snapshot of each SOM (<see cref="BpSomEpochStatistics.Soms"/>).</summary>
    public IReadOnlyList<BpSomEpochStatistics> History => _history;

    internal BpSomNetwork Network => _network;

    protected override void ScoreDense(ReadOnlySpan<float> features, int rows, Span<float> scores)
    {
        var hidden = _network.Perceptron.CreateHiddenBuffers();
        int k = ClassCount;
        for (int row = 0; row < rows; row++)
        {
            var output = scores.Slice(row * k, k);
            _network.Perceptron.Evaluate(features.Slice(row * FeatureCount, FeatureCount), hidden, output);
            Normalize(output);
        }
    }

    private static void Normalize(Span<float> output)
    {
        float sum = 0f;
        foreach (float value in output) sum += value;
        if (sum > 0f)
            for (int i = 0; i < output.Length; i++) output[i] /= sum;
        else
            output.Fill(1f / output.Length);
    }

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(FormatVersion);
        BpSomNetworkFormat.Write(ctx.Writer, _network);
        BpSomHistoryFormat.Write(ctx.Writer, _history);
    }

    public static BpSomModelParameters Load(ModelLoadContext ctx)
    {
        int version = ctx.ReadVersion(FormatVersion);
        var network = BpSomNetworkFormat.Read(ctx);
        return new BpSomModelParameters(network, BpSomHistoryFormat.Read(ctx, version));
    }
}
