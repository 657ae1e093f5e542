using Microsoft.ML.Datasets;
using Microsoft.ML.SleepReplay;

/// <summary>Parsed command line of the sample.</summary>
internal sealed record CommandLine(string Setting, string DataDirectory, int PerTask, int[]? Hidden,
    ContinualApproach[] Approaches, bool Search, string Grid, int Seed, int Validation, SleepBiasMode? Bias,
    bool HeldOut, SleepDataScope? SleepData, SleepDataForm SleepForm, SleepInputMode? SleepInput, bool DataAlpha, double SleepLength, int SleepCheckpoints,
    SleepWeightFunction? SleepRule, int? SamplesPerStep, double? MaskFraction)
{
    public static CommandLine? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--search" or "--held-out") { flags.Add(args[i][2..]); continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"Unexpected argument '{args[i]}'. See the usage line at the top of Program.cs.");
                return null;
            }
            values[args[i][2..]] = args[++i];
        }
        if (!TryChoose(values, "setting", "python", out string setting, ("python", "python"), ("matlab", "matlab"))) return null;
        // --grid picks the candidates --search chooses from; without --search there is nothing to choose.
        if (!TryChoose(values, "grid", "around", out string grid, ("around", "around"), ("wide", "wide"))) return null;
        if (values.ContainsKey("grid") && !flags.Contains("search"))
        {
            Console.Error.WriteLine("--grid only applies with --search.");
            return null;
        }
        // Without --data, MNIST is found (or downloaded) the way ml.Data.LoadMnist finds it.
        string data = values.TryGetValue("data", out var given) ? given : DatasetLocator.Default.LocateMnist(MnistVariant.Mnist, MnistSplit.Train);
        var approaches = values.TryGetValue("approaches", out var a)
            ? a.Split(',').Select(s => Enum.Parse<ContinualApproach>(s, ignoreCase: true)).ToArray()
            : Enum.GetValues<ContinualApproach>();
        // Held-out training rows stand in for the test set, so nothing may train on them: the parallel
        // baselines train on every training row of the tasks' classes.
        bool heldOut = flags.Contains("held-out");
        var leaking = approaches.Where(x => x is ContinualApproach.Parallel or ContinualApproach.LowRankParallel).ToList();
        if (heldOut && leaking.Count > 0)
        {
            Console.Error.WriteLine($"--held-out cannot score {string.Join(", ", leaking)}: it trains on the held-out rows. Name the other approaches with --approaches.");
            return null;
        }
        // Left out, the sleep data, input and α are the setting's own.
        if (!TryChoose(values, "sleep-data", null, out SleepDataScope? sleepData, ("current", SleepDataScope.CurrentTask), ("seen", SleepDataScope.TasksSoFar))
            || !TryChoose(values, "sleep-form", SleepDataForm.Rows, out SleepDataForm sleepForm, ("rows", SleepDataForm.Rows), ("class-means", SleepDataForm.ClassMeans))
            || !TryChoose(values, "sleep-input", null, out SleepInputMode? sleepInput, ("masked-mean", SleepInputMode.MaskedSampleMean), ("patch", SleepInputMode.MeanImagePatch))
            || !TryChoose(values, "alpha", false, out bool dataAlpha, ("setting", false), ("data", true))
            || !TryChoose(values, "sleep-rule", null, out SleepWeightFunction? sleepRule, ("python", SleepWeightFunction.PythonSigmoid),
                ("matlab", SleepWeightFunction.MatlabSigmoid), ("plain", SleepWeightFunction.Constant)))
            return null;
        // SleepOptions.Validate rejects out-of-range values, naming them.
        int? samplesPerStep = values.TryGetValue("samples-per-step", out var sps) ? int.Parse(sps, System.Globalization.CultureInfo.InvariantCulture) : null;
        double? maskFraction = values.TryGetValue("mask-fraction", out var mf) ? double.Parse(mf, System.Globalization.CultureInfo.InvariantCulture) : null;
        double sleepLength = double.Parse(values.GetValueOrDefault("sleep-length", "1"), System.Globalization.CultureInfo.InvariantCulture);
        if (!(sleepLength > 0))
        {
            Console.Error.WriteLine($"--sleep-length is {sleepLength}; it must be > 0.");
            return null;
        }
        // ContinualLearningOptions.Validate rejects a count below 1, naming it.
        int checkpoints = int.Parse(values.GetValueOrDefault("sleep-checkpoints", "1"), System.Globalization.CultureInfo.InvariantCulture);
        int[]? hidden = values.TryGetValue("hidden", out var h) ? h.Split(',').Select(int.Parse).ToArray() : null;
        SleepBiasMode? bias = values.TryGetValue("bias", out var b) ? Enum.Parse<SleepBiasMode>(b, ignoreCase: true) : null;
        return new CommandLine(setting, data, int.Parse(values.GetValueOrDefault("per-task", "5000")), hidden, approaches,
            flags.Contains("search"), grid, int.Parse(values.GetValueOrDefault("seed", "1")), int.Parse(values.GetValueOrDefault("validation", "500")), bias,
            heldOut, sleepData, sleepForm, sleepInput, dataAlpha, sleepLength, checkpoints, sleepRule, samplesPerStep, maskFraction);
    }

    /// <summary>The value of the word given for --<paramref name="flag"/> (<paramref name="fallback"/> when the flag is
    /// absent); false, with a message naming the flag and the words it takes, for any other word.</summary>
    private static bool TryChoose<T>(Dictionary<string, string> values, string flag, T fallback, out T chosen, params (string Word, T Value)[] choices)
    {
        chosen = fallback;
        if (!values.TryGetValue(flag, out var word)) return true;
        foreach (var (w, value) in choices)
            if (w == word)
            {
                chosen = value;
                return true;
            }
        Console.Error.WriteLine($"--{flag} is '{word}'; expected {string.Join(" or ", choices.Select(c => $"'{c.Word}'"))}.");
        return false;
    }

    /// <summary>The protocol for the chosen setting (Python port: 784-4000-4000-10; MATLAB: 784-1200-1200-10).</summary>
    public ContinualLearningOptions ToProtocolOptions()
    {
        bool matlab = Setting == "matlab";
        var training = matlab ? MlpTrainingOptions.Matlab() : new MlpTrainingOptions();
        if (Hidden != null) training.HiddenLayers = Hidden;
        training.UseBias = Bias.HasValue;
        var sleep = matlab ? new SleepOptions() : SleepOptions.PythonPort();
        sleep.Seed = Seed;
        sleep.BiasMode = Bias ?? SleepBiasMode.Ignore;
        if (SleepInput.HasValue) sleep.InputMode = SleepInput.Value;
        if (DataAlpha) sleep.FixedAlpha = null;
        if (SleepRule.HasValue) sleep.WeightFunction = SleepRule.Value;
        if (SamplesPerStep.HasValue) sleep.SamplesPerStep = SamplesPerStep.Value;
        if (MaskFraction.HasValue) sleep.MaskFraction = MaskFraction.Value;
        sleep.Iterations = (int)Math.Round(sleep.Iterations * SleepLength);
        return new ContinualLearningOptions
        {
            TrainPerTask = PerTask,
            ValidationPerTask = Validation,
            Training = training,
            Sleep = sleep,
            SleepCandidates = !Search ? [] : Grid == "wide" ? SleepCandidateGrid.Wide(sleep) : SleepCandidateGrid.Around(sleep),
            SleepIterationsIncreasePerTask = (int)Math.Round((matlab ? 5000 : 166) * SleepLength),
            SleepData = SleepData ?? (matlab ? SleepDataScope.TasksSoFar : SleepDataScope.CurrentTask),
            SleepDataForm = SleepForm,
            SleepCheckpoints = SleepCheckpoints,
            Approaches = Approaches,
            Seed = Seed,
        };
    }
}
