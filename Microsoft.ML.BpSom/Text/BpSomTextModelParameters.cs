using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Microsoft.ML.Data;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.BpSom;

/// <summary>A trained BP-SOM BERT text classifier (the best epoch's network) with its SOM and training history.
/// Multiclass: Score holds the softmax probabilities of the K classes. Binary: Score is the log-odds logit₁ − logit₀ and
/// Probability the softmax probability of true. Both add <c>SomCell</c> (Int32, the row's winning cell, row-major: row·D + column)
/// and <c>SomReliability</c> (Single, that cell's reliability in percent) after the prediction columns.</summary>
public sealed class BpSomTextModelParameters : IAdditionalOutputsModel, ILoadableModel<BpSomTextModelParameters>
{
    public const string SomCellColumnName = "SomCell";
    public const string SomReliabilityColumnName = "SomReliability";
    private const int ScoringBatchSize = 64;

    private readonly BpSomTextNetwork _network;
    private readonly BpSomTextEpochStatistics[] _history;
    private readonly object _gate = new();   // the encoder and the SOM keep scratch buffers: one scoring pass at a time

    internal BpSomTextModelParameters(BpSomTextNetwork network, string? secondSentenceColumnName, bool isBinary,
        IEnumerable<BpSomTextEpochStatistics> history)
    {
        if (isBinary && network.ClassCount != 2) throw new ArgumentException($"A binary model needs 2 classes, the network has {network.ClassCount}.");
        _network = network;
        SecondSentenceColumnName = secondSentenceColumnName;
        IsBinary = isBinary;
        _history = history.ToArray();
    }

    /// <summary>Number of classes K (2 for the binary catalog).</summary>
    public int ClassCount => _network.ClassCount;

    /// <summary>True for a model of the binary catalog (Score, Probability, Boolean PredictedLabel).</summary>
    public bool IsBinary { get; }

    /// <summary>The second text column read at scoring time, or null for single sentences.</summary>
    public string? SecondSentenceColumnName { get; }

    /// <summary>The hidden layer's current size, after pruning.</summary>
    public int HiddenSize => _network.HiddenSize;

    /// <summary>The SOM of the hidden layer, labelled on the training set in the best epoch: prototypes, labels, reliabilities,
    /// class counts and U-matrix.</summary>
    public SelfOrganizingMap Map => _network.Map;

    /// <summary>The encoder's configuration.</summary>
    public BertConfig EncoderConfig => _network.Encoder.Config;

    /// <summary>Token sequences are truncated to this length.</summary>
    public int MaxSequenceLength => _network.TextEncoder.MaxSequenceLength;

    /// <summary>One record per training epoch, each with a snapshot of the SOM after its labelling pass (<see cref="BpSomTextEpochStatistics.Som"/>).</summary>
    public IReadOnlyList<BpSomTextEpochStatistics> History => _history;

    internal BpSomTextNetwork Network => _network;

    public int ScoreCount => IsBinary ? 2 : ClassCount;

    public int BatchSize => ScoringBatchSize;

    public IReadOnlyList<DataViewSchema.DetachedColumn> AdditionalOutputColumns { get; } =
    [
        new(SomCellColumnName, NumberDataViewType.Int32),
        new(SomReliabilityColumnName, NumberDataViewType.Single),
    ];

    public IReadOnlyList<DataViewSchema.Column> GetInputColumns(DataViewSchema inputSchema, string featureColumnName)
    {
        var first = ColumnChecks.FindColumn(inputSchema, featureColumnName, TextDataViewType.Instance, "text");
        return SecondSentenceColumnName is null
            ? [first]
            : [first, ColumnChecks.FindColumn(inputSchema, SecondSentenceColumnName, TextDataViewType.Instance, "second text")];
    }

    public void Score(ColumnBatch batch, IReadOnlyList<DataViewSchema.Column> inputColumns, Span<float> scores) =>
        Score(batch, inputColumns, scores, firstOutputIndex: -1);

    public void Score(ColumnBatch batch, IReadOnlyList<DataViewSchema.Column> inputColumns, Span<float> scores, int firstOutputIndex)
    {
        var first = Texts(batch, inputColumns[0]);
        var second = inputColumns.Count > 1 ? Texts(batch, inputColumns[1]) : null;
        var (logits, cells) = Predict(first, second);
        int k = ClassCount;
        for (int row = 0; row < batch.Count; row++)
        {
            var rowLogits = logits.AsSpan(row * k, k);
            if (IsBinary)
            {
                // The two-class softmax is the logistic of the logit difference: Score = log-odds, Probability = its sigmoid.
                float logOdds = rowLogits[1] - rowLogits[0];
                scores[row * 2] = logOdds;
                scores[row * 2 + 1] = 1f / (1f + MathF.Exp(-logOdds));
            }
            else TensorPrimitives.SoftMax(rowLogits, scores.Slice(row * k, k));
        }
        if (firstOutputIndex < 0) return;
        if (batch.IsOutputActive(firstOutputIndex)) cells.CopyTo(batch.GetOutput<int>(firstOutputIndex));
        if (batch.IsOutputActive(firstOutputIndex + 1))
        {
            var reliabilities = batch.GetOutput<float>(firstOutputIndex + 1);
            for (int row = 0; row < cells.Length; row++) reliabilities[row] = Map.Reliabilities[cells[row]];
        }
    }

    /// <summary>Logits [rows, K] and each row's winning SOM cell, in evaluation mode.</summary>
    internal (float[] Logits, int[] Cells) Predict(IReadOnlyList<string> first, IReadOnlyList<string>? second)
    {
        int rows = first.Count;
        lock (_gate)
        {
            var (hidden, logits) = _network.Evaluate(_network.TextEncoder.Encode(first, second));
            var distances = new float[rows * Map.CellCount];
            var cells = new int[rows];
            Map.ComputeSquaredDistances(hidden, rows, distances);
            Map.FindBestMatches(distances, cells);
            return (logits, cells);
        }
    }

    private static string[] Texts(ColumnBatch batch, DataViewSchema.Column column)
    {
        var values = batch.GetInput<ReadOnlyMemory<char>>(column);
        var texts = new string[values.Length];
        for (int row = 0; row < texts.Length; row++)
            texts[row] = TextExamples.CheckedText(values[row], batch.StartPosition + row, column.Name, "scored");
        return texts;
    }

    public void Save(ModelSaveContext ctx) => BpSomTextModelFormat.Write(ctx, this);

    public static BpSomTextModelParameters Load(ModelLoadContext ctx) => BpSomTextModelFormat.Read(ctx);
}
