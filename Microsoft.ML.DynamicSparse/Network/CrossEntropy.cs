namespace Microsoft.ML.DynamicSparse;

/// <summary>Mean softmax cross-entropy over feature-major logits ([classes, batch]) and its gradient.</summary>
internal static class CrossEntropy
{
    public static double LossAndGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int batch, int classes,
        Span<float> gradient, out int correct)
    {
        double loss = 0;
        correct = 0;
        for (int b = 0; b < batch; b++)
        {
            int label = labels[b];
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Label of sample {b} is outside 0..{classes - 1}.");
            float max = float.NegativeInfinity;
            int best = 0;
            for (int c = 0; c < classes; c++)
                if (logits[c * batch + b] > max) { max = logits[c * batch + b]; best = c; }
            double sum = 0;
            for (int c = 0; c < classes; c++) sum += Math.Exp(logits[c * batch + b] - max);
            loss += Math.Log(sum) - (logits[label * batch + b] - max);
            if (best == label) correct++;
            for (int c = 0; c < classes; c++)
            {
                double p = Math.Exp(logits[c * batch + b] - max) / sum;
                gradient[c * batch + b] = (float)((p - (c == label ? 1 : 0)) / batch);
            }
        }
        return loss / batch;
    }
}
