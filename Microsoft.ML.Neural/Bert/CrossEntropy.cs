namespace Microsoft.ML.Neural.Bert;

/// <summary>Mean softmax cross-entropy over rows of logits.</summary>
internal static class CrossEntropy
{
    /// <summary>Replaces each row of <paramref name="logits"/> [rows, classes] by its softmax and returns
    /// the mean of −log p[label] (computed from the log-sum-exp, so it stays finite for confident rows).</summary>
    public static float SoftmaxInPlace(Span<float> logits, int rows, int classes, ReadOnlySpan<int> labels)
    {
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = logits.Slice(r * classes, classes);
            float max = TensorPrimitives.Max(row);
            float target = row[labels[r]];
            TensorPrimitives.Subtract(row, max, row);
            TensorPrimitives.Exp(row, row);
            float sum = TensorPrimitives.Sum(row);
            loss += Math.Log(sum) - (target - max);
            TensorPrimitives.Multiply(row, 1f / sum, row);
        }
        return (float)(loss / rows);
    }
}
