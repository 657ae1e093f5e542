namespace Microsoft.ML.BpSom;

/// <summary>The reference's rule for keeping the best network on validation (ALGORITHMS.md A.10): a result is better if its
/// accuracy is higher, or equal with an error more than <see cref="MinimumImprovement"/> lower, or if a unit was pruned
/// since the last best and the accuracy has not dropped.</summary>
internal sealed class ModelSelection
{
    /// <summary>MIN_IMPROVE.</summary>
    public const double MinimumImprovement = 0.005;

    public double BestAccuracy { get; private set; } = double.NegativeInfinity;
    public double BestError { get; private set; } = double.PositiveInfinity;

    /// <summary>Set when a unit is pruned; cleared when a new best is taken.</summary>
    public bool PrunedSinceBest { get; set; }

    /// <summary>Judges one validation result; when it is better, records it and returns true.</summary>
    public bool Offer(double accuracy, double error)
    {
        bool better = accuracy > BestAccuracy
            || (accuracy == BestAccuracy && error + MinimumImprovement < BestError)
            || (PrunedSinceBest && accuracy >= BestAccuracy);
        if (!better) return false;
        BestAccuracy = accuracy;
        BestError = error;
        PrunedSinceBest = false;
        return true;
    }
}
