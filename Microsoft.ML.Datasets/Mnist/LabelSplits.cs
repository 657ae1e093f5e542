namespace Microsoft.ML.Datasets;

/// <summary>
/// Row selections by class label for continual-learning protocols: tasks made of label groups
/// (split MNIST: {0,1}, {2,3}, …), the first N examples of each task, and stratified subsets. All
/// results list row indices in data-set order.
/// </summary>
public static class LabelSplits
{
    /// <summary>Consecutive groups of <paramref name="groupSize"/> classes: {0,1}, {2,3}, … for the defaults.</summary>
    public static int[][] ConsecutiveGroups(int classCount = 10, int groupSize = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groupSize);
        if (classCount % groupSize != 0)
            throw new ArgumentException($"{classCount} classes do not divide into groups of {groupSize}.", nameof(groupSize));
        return Enumerable.Range(0, classCount / groupSize)
            .Select(g => Enumerable.Range(g * groupSize, groupSize).ToArray())
            .ToArray();
    }

    /// <summary>
    /// For each group of labels, the rows whose label is in the group, in data-set order, at most
    /// <paramref name="maxRowsPerTask"/> of them (the first ones). A label may belong to one group only.
    /// </summary>
    public static int[][] ByLabelGroups(ReadOnlySpan<byte> labels, IReadOnlyList<IReadOnlyList<int>> groups, int maxRowsPerTask = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRowsPerTask);
        var taskOfLabel = new int[256];
        Array.Fill(taskOfLabel, -1);
        for (int t = 0; t < groups.Count; t++)
        {
            foreach (int label in groups[t])
            {
                if (label is < 0 or > 255)
                    throw new ArgumentOutOfRangeException(nameof(groups), label, $"Group {t}: labels are bytes (0–255).");
                if (taskOfLabel[label] >= 0)
                    throw new ArgumentException($"Label {label} is in group {taskOfLabel[label]} and group {t}; groups must not overlap.", nameof(groups));
                taskOfLabel[label] = t;
            }
        }
        var tasks = Enumerable.Range(0, groups.Count).Select(_ => new List<int>()).ToArray();
        for (int row = 0; row < labels.Length; row++)
        {
            int t = taskOfLabel[labels[row]];
            if (t >= 0 && tasks[t].Count < maxRowsPerTask) tasks[t].Add(row);
        }
        return tasks.Select(t => t.ToArray()).ToArray();
    }

    /// <summary>
    /// <paramref name="rowsPerClass"/> rows of every class present, drawn uniformly without replacement with
    /// the given seed (all rows of a class that has fewer), returned in data-set order.
    /// </summary>
    public static int[] Stratified(ReadOnlySpan<byte> labels, int rowsPerClass, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowsPerClass);
        return Sample(labels, _ => rowsPerClass, seed);
    }

    /// <summary>
    /// The given fraction of every class (rounded to the nearest row), drawn uniformly without replacement
    /// with the given seed, so class proportions are kept; returned in data-set order.
    /// </summary>
    public static int[] Stratified(ReadOnlySpan<byte> labels, double fraction, int seed)
    {
        if (fraction is < 0 or > 1 || double.IsNaN(fraction))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must lie in [0, 1].");
        return Sample(labels, classSize => (int)Math.Round(classSize * fraction, MidpointRounding.AwayFromZero), seed);
    }

    private static int[] Sample(ReadOnlySpan<byte> labels, Func<int, int> countForClass, int seed)
    {
        var rowsOfClass = new List<int>?[256];
        for (int row = 0; row < labels.Length; row++) (rowsOfClass[labels[row]] ??= new List<int>()).Add(row);

        var random = new Random(seed);
        var chosen = new List<int>();
        foreach (var rows in rowsOfClass)
        {
            if (rows is null) continue;
            int take = Math.Min(rows.Count, countForClass(rows.Count));
            // Partial Fisher-Yates: the first `take` slots end up a uniform sample.
            var pool = rows.ToArray();
            for (int i = 0; i < take; i++)
            {
                int j = random.Next(i, pool.Length);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }
            chosen.AddRange(pool.AsSpan(0, take));
        }
        chosen.Sort();
        return chosen.ToArray();
    }
}
