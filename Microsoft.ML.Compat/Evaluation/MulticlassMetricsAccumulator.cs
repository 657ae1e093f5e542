namespace Microsoft.ML.Data;

/// <summary>
/// Accumulates multiclass metrics one labelled row at a time, with ML.NET's definitions: the predicted class is
/// the highest score (ties go to the lower class index), log loss clamps the label's score to [1e-15, 1], and a
/// label at or beyond the number of scores counts as a miss with the maximal log loss -ln(1e-15).
/// </summary>
internal sealed class MulticlassMetricsAccumulator
{
    internal const double ProbabilityFloor = 1e-15;

    private readonly int _classCount;
    private readonly double[][] _confusion;
    private readonly double[] _rowsPerClass;
    private readonly double[] _logLossPerClass;
    private readonly long[] _rowsAtRank;
    private long _rows;
    private long _correct;
    private double _logLossSum;

    public MulticlassMetricsAccumulator(int classCount)
    {
        if (classCount <= 0)
            throw new ArgumentOutOfRangeException(nameof(classCount), "A multiclass evaluation needs at least one class.");
        _classCount = classCount;
        _confusion = Enumerable.Range(0, classCount).Select(_ => new double[classCount]).ToArray();
        _rowsPerClass = new double[classCount];
        _logLossPerClass = new double[classCount];
        _rowsAtRank = new long[classCount];
    }

    /// <summary>Adds a row whose label is the 0-based class <paramref name="label"/>.</summary>
    public void Add(int label, ReadOnlySpan<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(label);
        if (scores.Length != _classCount)
            throw new ArgumentException($"Expected {_classCount} scores, got {scores.Length}.", nameof(scores));

        int predicted = ArgMax(scores);
        _rows++;
        if (label >= _classCount)
        {
            _logLossSum += -Math.Log(ProbabilityFloor);
            return;
        }

        double logLoss = -Math.Log(Math.Clamp((double)scores[label], ProbabilityFloor, 1.0));
        _logLossSum += logLoss;
        _logLossPerClass[label] += logLoss;
        _rowsPerClass[label]++;
        _confusion[label][predicted]++;
        if (predicted == label)
            _correct++;
        _rowsAtRank[RankOf(label, scores)]++;
    }

    public MulticlassClassificationMetrics ToMetrics(int topKPredictionCount, IReadOnlyList<ReadOnlyMemory<char>> classNames)
    {
        if (_rows == 0)
            throw new InvalidOperationException("No labelled rows to evaluate: every row had a missing label or a NaN score.");

        double micro = (double)_correct / _rows;
        double macroSum = 0;
        int presentClasses = 0;
        double priorEntropy = 0;
        var perClassLogLoss = new double[_classCount];
        for (int c = 0; c < _classCount; c++)
        {
            perClassLogLoss[c] = _logLossPerClass[c] / _rowsPerClass[c];
            if (_rowsPerClass[c] == 0)
                continue;
            presentClasses++;
            macroSum += _confusion[c][c] / _rowsPerClass[c];
            double prior = _rowsPerClass[c] / _rows;
            priorEntropy -= prior * Math.Log(prior);
        }
        double logLoss = _logLossSum / _rows;

        var topK = new double[_classCount];
        long cumulative = 0;
        for (int k = 0; k < _classCount; k++)
        {
            cumulative += _rowsAtRank[k];
            topK[k] = (double)cumulative / _rows;
        }

        return new MulticlassClassificationMetrics(
            micro,
            presentClasses > 0 ? macroSum / presentClasses : 0,
            logLoss,
            (priorEntropy - logLoss) / priorEntropy,
            topKPredictionCount,
            topK,
            perClassLogLoss,
            new ConfusionMatrix(_confusion, classNames, isBinary: false));
    }

    /// <summary>The first index holding the highest score.</summary>
    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
                best = i;
        }
        return best;
    }

    /// <summary>0-based position of <paramref name="label"/> when classes are sorted by score, ties by index.</summary>
    private static int RankOf(int label, ReadOnlySpan<float> scores)
    {
        float labelScore = scores[label];
        int rank = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] > labelScore || (scores[i] == labelScore && i < label))
                rank++;
        }
        return rank;
    }
}
