namespace Microsoft.ML.SleepReplay;

/// <summary>Settings of the incremental-task protocol (ALGORITHMS.md B.3, B.10).</summary>
public sealed class ContinualLearningOptions
{
    /// <summary>Classes of each task, in training order.</summary>
    public int[][] Tasks { get; set; } = [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]];

    /// <summary>The first N training rows of each task (dataset order) are trained on.</summary>
    public int TrainPerTask { get; set; } = 5000;

    /// <summary>Rows of each task set aside for choosing sleep parameters, taken after the training rows.</summary>
    public int ValidationPerTask { get; set; } = 500;

    public MlpTrainingOptions Training { get; set; } = new();

    /// <summary>Sleep settings; with several <see cref="SleepCandidates"/>, those are used instead.</summary>
    public SleepOptions Sleep { get; set; } = SleepOptions.PythonPort();

    /// <summary>
    /// Sleep settings to choose from after each task, by accuracy on the validation rows of the
    /// tasks seen so far (never the test set). Empty: use <see cref="Sleep"/>.
    /// </summary>
    public IReadOnlyList<SleepOptions> SleepCandidates { get; set; } = [];

    /// <summary>Sleep length grows by this many steps per task (Python 166, MATLAB 5000).</summary>
    public int SleepIterationsIncreasePerTask { get; set; } = 166;

    public SleepDataScope SleepData { get; set; } = SleepDataScope.CurrentTask;

    public SleepDataForm SleepDataForm { get; set; } = SleepDataForm.Rows;

    /// <summary>
    /// With N &gt; 1, each candidate's sleep is also scored on validation after 1/N, 2/N, … of its steps, so that the sleep
    /// length is chosen with the other sleep settings (the shorter sleep wins a tie). 1: only whole sleeps are scored.
    /// </summary>
    public int SleepCheckpoints { get; set; } = 1;

    public ContinualApproach[] Approaches { get; set; } = Enum.GetValues<ContinualApproach>();

    /// <summary>
    /// Rank r per layer: of the factorized networks of <see cref="ContinualApproach.LowRankMerging"/> and
    /// <see cref="ContinualApproach.LowRankParallel"/>, and of the truncated changes of <see cref="ContinualApproach.LowRankChangeMerging"/>.
    /// </summary>
    public int LowRank { get; set; } = 10;

    public int Seed { get; set; } = 1;

    internal void Validate()
    {
        if (Tasks is null || Tasks.Length == 0 || Tasks.Any(t => t is null || t.Length == 0))
            throw new ArgumentException("Tasks must list at least one non-empty class set.", nameof(Tasks));
        var all = Tasks.SelectMany(t => t).ToList();
        if (all.Distinct().Count() != all.Count)
            throw new ArgumentException($"A class appears in more than one task: [{string.Join("], [", Tasks.Select(t => string.Join(",", t)))}].", nameof(Tasks));
        if (TrainPerTask <= 0) throw new ArgumentOutOfRangeException(nameof(TrainPerTask), $"TrainPerTask is {TrainPerTask}; it must be > 0.");
        if (ValidationPerTask < 0) throw new ArgumentOutOfRangeException(nameof(ValidationPerTask), $"ValidationPerTask is {ValidationPerTask}; it must be ≥ 0.");
        if (SleepCandidates.Count > 1 && ValidationPerTask == 0)
            throw new ArgumentException("Choosing among sleep candidates needs validation rows (ValidationPerTask > 0).", nameof(SleepCandidates));
        if (SleepCheckpoints < 1) throw new ArgumentOutOfRangeException(nameof(SleepCheckpoints), $"SleepCheckpoints is {SleepCheckpoints}; it must be ≥ 1.");
        if (SleepCheckpoints > 1 && ValidationPerTask == 0)
            throw new ArgumentException("Choosing the sleep length at checkpoints needs validation rows (ValidationPerTask > 0).", nameof(SleepCheckpoints));
        if (Approaches is null || Approaches.Length == 0)
            throw new ArgumentException("Approaches must list at least one approach.", nameof(Approaches));
        // Results, log lines and saved models are named by approach, so one listed twice would be ambiguous.
        var repeated = Approaches.GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException($"Approach {repeated.Key} is listed more than once in [{string.Join(", ", Approaches)}].", nameof(Approaches));
        if (LowRank <= 0) throw new ArgumentOutOfRangeException(nameof(LowRank), $"LowRank is {LowRank}; it must be > 0.");
        Training.Validate();
        // Checked now rather than at the first sleep, after a task's training.
        if (Approaches.Contains(ContinualApproach.SleepReplay))
            foreach (var sleep in SleepCandidates.Prepend(Sleep))
                sleep.Validate(Training.HiddenLayers.Length + 1);
    }
}
