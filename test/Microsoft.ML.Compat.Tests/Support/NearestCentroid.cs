using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.Compat.Tests.Support;

/// <summary>Test model: score of class c = −‖x − centroid_c‖².</summary>
public sealed class NearestCentroidModel : VectorScoringModelBase, ILoadableModel<NearestCentroidModel>
{
    public NearestCentroidModel(float[] centroids, int featureCount, int classCount, int batchSize = 4)
        : base(featureCount, classCount, batchSize)
    {
        Centroids = centroids;
    }

    /// <summary>classCount × featureCount, row-major.</summary>
    public float[] Centroids { get; }

    /// <summary>Number of ScoreDense calls (to observe batching).</summary>
    public int ScoreCalls;

    protected override void ScoreDense(ReadOnlySpan<float> features, int rows, Span<float> scores)
    {
        Interlocked.Increment(ref ScoreCalls);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < ScoreCount; c++)
            {
                float sum = 0;
                for (int f = 0; f < FeatureCount; f++)
                {
                    float d = features[r * FeatureCount + f] - Centroids[c * FeatureCount + f];
                    sum += d * d;
                }
                scores[r * ScoreCount + c] = -sum;
            }
        }
    }

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(1);
        ctx.Writer.Write(FeatureCount);
        ctx.Writer.Write(ScoreCount);
        ctx.Writer.Write(BatchSize);
        ctx.Writer.WriteFloatArray(Centroids);
    }

    public static NearestCentroidModel Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(1);
        int features = ctx.Reader.ReadInt32();
        int classes = ctx.Reader.ReadInt32();
        int batch = ctx.Reader.ReadInt32();
        return new NearestCentroidModel(ctx.Reader.ReadFloatArray(), features, classes, batch);
    }
}

/// <summary>Test trainer: class centroids from mini-batches.</summary>
public sealed class NearestCentroidTrainer : MulticlassTrainerBase<NearestCentroidModel>
{
    public NearestCentroidTrainer(MLContext ml, string labelColumnName = "Label", string featureColumnName = "Features")
        : base(ml.Register(nameof(NearestCentroidTrainer)), TrainerShapes.FloatVectorFeatures(featureColumnName), labelColumnName)
    {
    }

    public override TrainerInfo Info { get; } = new(normalization: false, caching: false);

    protected override NearestCentroidModel TrainModelCore(TrainContext context)
    {
        var reader = context.CreateMiniBatchReader();
        var sums = new float[reader.ClassCount * reader.FeatureCount];
        var counts = new int[reader.ClassCount];
        using var channel = context.Host.Start("Training");
        foreach (var batch in reader.Read(batchSize: 3))
        {
            for (int r = 0; r < batch.Count; r++)
            {
                int c = batch.Labels[r];
                counts[c]++;
                for (int f = 0; f < reader.FeatureCount; f++)
                    sums[c * reader.FeatureCount + f] += batch.Features[r * reader.FeatureCount + f];
            }
        }
        for (int c = 0; c < counts.Length; c++)
        {
            for (int f = 0; f < reader.FeatureCount; f++)
                sums[c * reader.FeatureCount + f] /= Math.Max(1, counts[c]);
        }
        channel.Info($"Trained {counts.Length} centroids.");
        return new NearestCentroidModel(sums, reader.FeatureCount, reader.ClassCount);
    }
}
