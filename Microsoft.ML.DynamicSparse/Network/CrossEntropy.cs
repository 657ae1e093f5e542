using System.Numerics.Tensors;

namespace Microsoft.ML.DynamicSparse;

/// <summary>Mean softmax cross-entropy over feature-major logits ([classes, batch]) and its gradient. Each step works
/// on whole class rows (all samples at once), so the exponentials and sums are vectorised along the batch.</summary>
internal static class CrossEntropy
{
    public static double LossAndGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int batch, int classes,
        Span<float> gradient, out int correct)
    {
        for (int b = 0; b < batch; b++)
            if ((uint)labels[b] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[b], $"Label of sample {b} is outside 0..{classes - 1}.");
        Span<float> max = batch <= 1024 ? stackalloc float[batch] : new float[batch];
        Span<float> sum = batch <= 1024 ? stackalloc float[batch] : new float[batch];
        logits[..batch].CopyTo(max);
        for (int c = 1; c < classes; c++) TensorPrimitives.Max(max, logits.Slice(c * batch, batch), max);
        // The gradient rows hold exp(logit − max) until they are normalised into probabilities.
        sum.Clear();
        for (int c = 0; c < classes; c++)
        {
            var row = gradient.Slice(c * batch, batch);
            TensorPrimitives.Subtract(logits.Slice(c * batch, batch), max, row);
            TensorPrimitives.Exp(row, row);
            TensorPrimitives.Add(sum, row, sum);
        }
        double loss = 0;
        correct = 0;
        for (int b = 0; b < batch; b++)
        {
            int label = labels[b];
            loss += Math.Log(sum[b]) - (logits[label * batch + b] - max[b]);
            int best = 0;
            for (int c = 1; c < classes; c++)
                if (logits[c * batch + b] > logits[best * batch + b]) best = c;
            if (best == label) correct++;
        }
        for (int c = 0; c < classes; c++)
            TensorPrimitives.Divide(gradient.Slice(c * batch, batch), sum, gradient.Slice(c * batch, batch));
        for (int b = 0; b < batch; b++) gradient[labels[b] * batch + b] -= 1;
        TensorPrimitives.Divide(gradient[..(classes * batch)], batch, gradient[..(classes * batch)]);
        return loss / batch;
    }
}
