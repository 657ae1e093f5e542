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
}
