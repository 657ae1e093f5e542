namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// The exact prune-and-grow rule of DSNNMixedHeb (ALGORITHMS.md C.6) on a layer's dense weights and
/// co-activation counts, both row-major [outputs, inputs]. "Active" means a non-zero weight, not a set mask bit.
/// </summary>
public static class PruneGrowRule
{
    /// <summary>Hebbian keep-mask: k = floor(τ·|A|); the active connections whose count exceeds the k-th smallest
    /// count among them survive, so every tie at the threshold is pruned.</summary>
    public static bool[] HebbianKeep(ReadOnlySpan<float> weights, ReadOnlySpan<int> coactivations, double tau)
    {
        CheckLengths(weights, coactivations);
        var active = Active(weights);
        int k = (int)Math.Floor(tau * Count(active));
        if (k == 0)
            return active;
        int threshold = OrderStatistics.KthSmallest(coactivations, active, k);
        var keep = new bool[weights.Length];
        for (int i = 0; i < keep.Length; i++)
            keep[i] = active[i] && coactivations[i] > threshold;
        return keep;
    }

    /// <summary>Magnitude keep-mask, each sign on its own: drop about ζ of the positive weights and ζ of the negative
    /// weights, those nearest zero (G = A ∧ (W &gt; posThr ∨ W ≤ negThr), with the reference's thresholds).</summary>
    public static bool[] MagnitudeKeep(ReadOnlySpan<float> weights, double zeta)
    {
        var active = Active(weights);
        var positive = new bool[weights.Length];
        var negative = new bool[weights.Length];
        float minNegative = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            positive[i] = weights[i] > 0;
            negative[i] = weights[i] < 0;
            if (negative[i]) minNegative = Math.Min(minNegative, weights[i]);
        }
        int kp = (int)Math.Floor(zeta * Count(positive));
        int kn = (int)Math.Floor((1 - zeta) * Count(negative));
        // kp = 0 keeps every positive weight; kn = 0 keeps no negative one (its threshold lies below them all).
        float positiveThreshold = kp == 0 ? -1f : OrderStatistics.KthSmallest(weights, positive, kp);
        float negativeThreshold = kn == 0 ? minNegative - 1f : OrderStatistics.KthSmallest(weights, negative, kn);
        var keep = new bool[weights.Length];
        for (int i = 0; i < keep.Length; i++)
            keep[i] = active[i] && (weights[i] > positiveThreshold || weights[i] <= negativeThreshold);
        return keep;
    }

    /// <summary>The combined keep-mask: the union of both keeps when both criteria are on (a connection is pruned
    /// only when both reject it), one keep when one is on, every active connection when neither is.</summary>
    public static bool[] Keep(ReadOnlySpan<float> weights, ReadOnlySpan<int> coactivations, PruneGrowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        bool[]? hebbian = settings.HebbianPruneOn ? HebbianKeep(weights, coactivations, settings.HebbianPrunePercent!.Value) : null;
        bool[]? magnitude = settings.WeightPruneOn ? MagnitudeKeep(weights, settings.WeightPrunePercent!.Value) : null;
        if (hebbian is null)
            return magnitude ?? Active(weights);
        if (magnitude is not null)
            for (int i = 0; i < hebbian.Length; i++) hebbian[i] |= magnitude[i];
        return hebbian;
    }

    /// <summary>
    /// Positions to regrow among the non-active ones <paramref name="free"/> (taken before pruning, so a connection
    /// pruned in this step cannot come back in it). Hebbian: those whose count exceeds the k-th smallest free count,
    /// k = |free| − n (ties give fewer than n; n ≥ |free| takes them all). Random: exactly min(n, |free|) positions
    /// sampled uniformly without replacement.
    /// </summary>
    public static bool[] Grow(ReadOnlySpan<bool> free, ReadOnlySpan<int> coactivations, int count, bool hebbian, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var add = new bool[free.Length];
        int freeCount = Count(free);
        if (count == 0)
            return add;
        if (count >= freeCount)
        {
            free.CopyTo(add);
            return add;
        }
        if (hebbian)
        {
            if (coactivations.Length != free.Length)
                throw new ArgumentException($"{coactivations.Length} co-activation counts for {free.Length} positions.", nameof(coactivations));
            int threshold = OrderStatistics.KthSmallest(coactivations, free, freeCount - count);
            for (int i = 0; i < add.Length; i++)
                add[i] = free[i] && coactivations[i] > threshold;
            return add;
        }
        var candidates = new int[freeCount];
        for (int i = 0, n = 0; i < free.Length; i++)
            if (free[i]) candidates[n++] = i;
        // Partial Fisher-Yates: the first `count` slots become a uniform sample without replacement.
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, candidates.Length);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            add[candidates[i]] = true;
        }
        return add;
    }

    /// <summary>
    /// One full step: keep-mask, regrowth up to <paramref name="connectionCount"/>, then W ← W ⊙ M. Writes the new
    /// mask into <paramref name="mask"/> and zeroes the pruned weights in place; regrown weights are already 0.
    /// </summary>
    public static PruneGrowOutcome Apply(Span<float> weights, ReadOnlySpan<int> coactivations, Span<bool> mask,
        int connectionCount, PruneGrowSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (mask.Length != weights.Length)
            throw new ArgumentException($"The mask has {mask.Length} entries for {weights.Length} weights.", nameof(mask));
        if (settings.NeedsCoactivations)
            CheckLengths(weights, coactivations);
        var active = Active(weights);
        var keep = Keep(weights, coactivations, settings);
        int kept = Count(keep);
        var free = new bool[weights.Length];
        for (int i = 0; i < free.Length; i++) free[i] = !active[i];
        var add = Grow(free, coactivations, Math.Max(connectionCount - kept, 0), settings.HebbianGrow, random);
        int connections = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            mask[i] = keep[i] || add[i];
            if (mask[i]) connections++;
            else weights[i] = 0;
        }
        int activeCount = Count(active);
        return new PruneGrowOutcome(activeCount, activeCount - kept, Count(add), connections);
    }

    private static bool[] Active(ReadOnlySpan<float> weights)
    {
        var active = new bool[weights.Length];
        for (int i = 0; i < active.Length; i++) active[i] = weights[i] != 0;
        return active;
    }

    private static int Count(ReadOnlySpan<bool> flags)
    {
        int n = 0;
        foreach (bool f in flags) if (f) n++;
        return n;
    }

    private static void CheckLengths(ReadOnlySpan<float> weights, ReadOnlySpan<int> coactivations)
    {
        if (coactivations.Length != weights.Length)
            throw new ArgumentException($"{coactivations.Length} co-activation counts for {weights.Length} weights.", nameof(coactivations));
    }
}
