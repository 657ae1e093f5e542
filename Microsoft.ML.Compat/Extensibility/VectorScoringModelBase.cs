using System.Buffers;

namespace Microsoft.ML.Data;

/// <summary>
/// An <see cref="IScoringModel"/> over one fixed-size float feature vector: the feature column must be
/// Vector&lt;Single, <see cref="FeatureCount"/>&gt;, and <see cref="ScoreDense"/> receives the batch's features
/// as one dense row-major matrix (sparse vectors are densified).
/// </summary>
/// <example>
/// <code>
/// sealed class LinearModel : VectorScoringModelBase
/// {
///     private readonly float[] _w; // classes × features
///     public LinearModel(float[] w, int features, int classes) : base(features, classes, batchSize: 256) => _w = w;
///     protected override void ScoreDense(ReadOnlySpan&lt;float&gt; x, int rows, Span&lt;float&gt; scores)
///     {
///         for (int r = 0; r &lt; rows; r++)
///             for (int c = 0; c &lt; ScoreCount; c++)
///                 scores[r * ScoreCount + c] = TensorPrimitives.Dot(x.Slice(r * FeatureCount, FeatureCount), _w.AsSpan(c * FeatureCount, FeatureCount));
///     }
///     public override void Save(ModelSaveContext ctx) { ... }
/// }
/// </code>
/// </example>
public abstract class VectorScoringModelBase : IScoringModel
{
    protected VectorScoringModelBase(int featureCount, int scoreCount, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scoreCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        FeatureCount = featureCount;
        ScoreCount = scoreCount;
        BatchSize = batchSize;
    }

    /// <summary>Length of the feature vector.</summary>
    public int FeatureCount { get; }

    public int ScoreCount { get; }

    public int BatchSize { get; }

    public IReadOnlyList<DataViewSchema.Column> GetInputColumns(DataViewSchema inputSchema, string featureColumnName)
    {
        var expected = new VectorDataViewType(NumberDataViewType.Single, FeatureCount);
        return new[] { ColumnChecks.FindColumn(inputSchema, featureColumnName, expected, "feature") };
    }

    public void Score(ColumnBatch batch, IReadOnlyList<DataViewSchema.Column> inputColumns, Span<float> scores)
    {
        var vectors = batch.GetInput<VBuffer<float>>(inputColumns[0]);
        int size = batch.Count * FeatureCount;
        var dense = ArrayPool<float>.Shared.Rent(size);
        try
        {
            for (int row = 0; row < vectors.Length; row++)
                vectors[row].CopyTo(dense.AsSpan(row * FeatureCount, FeatureCount));
            ScoreDense(dense.AsSpan(0, size), batch.Count, scores);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dense);
        }
    }

    /// <summary>Scores <paramref name="rows"/> rows of <paramref name="features"/> (rows × FeatureCount) into
    /// <paramref name="scores"/> (rows × ScoreCount).</summary>
    protected abstract void ScoreDense(ReadOnlySpan<float> features, int rows, Span<float> scores);

    public abstract void Save(ModelSaveContext ctx);
}
