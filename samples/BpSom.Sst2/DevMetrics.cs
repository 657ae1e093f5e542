namespace BpSom.Sst2;

/// <summary>The GLUE dev metrics of a binary task from (gold, predicted) pairs with "1" as the positive class:
/// accuracy, F1 of the positive class (MRPC's metric) and the Matthews correlation (CoLA's).</summary>
internal sealed record DevMetrics(double Accuracy, double F1, double MatthewsCorrelation)
{
    public static DevMetrics From(IEnumerable<(string Gold, string Predicted)> pairs)
    {
        long tp = 0, tn = 0, fp = 0, fn = 0;
        foreach (var (gold, predicted) in pairs)
        {
            bool g = gold == "1", p = predicted == "1";
            if (g && p) tp++;
            else if (!g && !p) tn++;
            else if (p) fp++;
            else fn++;
        }
        double total = tp + tn + fp + fn;
        double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        double denominator = Math.Sqrt((double)(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        double mcc = denominator == 0 ? 0 : (tp * (double)tn - fp * (double)fn) / denominator;
        return new DevMetrics((tp + tn) / total, f1, mcc);
    }
}
