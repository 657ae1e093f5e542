using Microsoft.ML.Datasets;

namespace Microsoft.ML.SleepReplay;

/// <summary>One task's rows: training (first N in dataset order), validation (the next rows), test (all of its classes).</summary>
public sealed record TaskData(int[] Classes, LabeledSet Train, LabeledSet Validation, LabeledSet Test)
{
    /// <summary>Splits full train/test sets into tasks (ALGORITHMS.md B.3).</summary>
    public static IReadOnlyList<TaskData> Build(LabeledSet train, LabeledSet test, int[][] tasks, int trainPerTask, int validationPerTask)
    {
        var result = new List<TaskData>();
        foreach (var classes in tasks)
        {
            var rows = train.IndicesOf(classes);
            if (rows.Count < trainPerTask + validationPerTask)
                throw new ArgumentException(
                    $"Task [{string.Join(",", classes)}] has {rows.Count} training rows; {trainPerTask} for training plus {validationPerTask} for validation are needed.");
            var testRows = test.IndicesOf(classes);
            if (testRows.Count == 0)
                throw new ArgumentException($"Task [{string.Join(",", classes)}] has no test rows.");
            result.Add(new TaskData(classes,
                train.Select(rows.GetRange(0, trainPerTask)),
                train.Select(rows.GetRange(trainPerTask, validationPerTask)),
                test.Select(testRows)));
        }
        return result;
    }

    /// <summary>
    /// The training rows of the tasks' classes that <see cref="Build"/> leaves out of every task (those after each task's
    /// training and validation rows), in task order: a stand-in test set for comparing protocol variants without
    /// looking at the real test set.
    /// </summary>
    public static LabeledSet HeldOut(LabeledSet train, int[][] tasks, int trainPerTask, int validationPerTask)
    {
        var rows = new List<int>();
        foreach (var classes in tasks)
        {
            var taskRows = train.IndicesOf(classes);
            int used = trainPerTask + validationPerTask;
            if (taskRows.Count <= used)
                throw new ArgumentException(
                    $"Task [{string.Join(",", classes)}] has {taskRows.Count} training rows; none are left after {trainPerTask} for training and {validationPerTask} for validation.");
            rows.AddRange(taskRows.Skip(used));
        }
        return train.Select(rows);
    }

    /// <summary>One row per class present in <paramref name="rows"/>, in ascending class order: the mean of that class's rows.</summary>
    public static LabeledSet ClassMeans(LabeledSet rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("Class means need at least one row.", nameof(rows));
        var classes = rows.Labels.Distinct().Order().ToArray();
        int width = rows.FeatureCount;
        var sums = new double[classes.Length * width];
        var counts = new int[classes.Length];
        for (int r = 0; r < rows.Count; r++)
        {
            int c = Array.BinarySearch(classes, rows.Labels[r]);
            counts[c]++;
            var row = rows.Row(r);
            for (int k = 0; k < width; k++) sums[c * width + k] += row[k];
        }
        var means = new float[sums.Length];
        for (int i = 0; i < means.Length; i++) means[i] = (float)(sums[i] / counts[i / width]);
        return new LabeledSet(means, classes, width);
    }
}
