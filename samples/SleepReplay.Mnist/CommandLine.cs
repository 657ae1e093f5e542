using Microsoft.ML.Datasets;
using Microsoft.ML.SleepReplay;

/// <summary>Parsed command line of the sample.</summary>
internal sealed record CommandLine(string Setting, string DataDirectory, int PerTask, int[]? Hidden,
    ContinualApproach[] Approaches, bool Search, string Grid, int Seed, int Validation, SleepBiasMode? Bias)
{
    public static CommandLine? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--search") { flags.Add("search"); continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"Unexpected argument '{args[i]}'. See the usage line at the top of Program.cs.");
                return null;
            }
            values[args[i][2..]] = args[++i];
        }
        string setting = values.GetValueOrDefault("setting", "python");
        if (setting is not ("python" or "matlab"))
        {
            Console.Error.WriteLine($"--setting is '{setting}'; expected 'python' or 'matlab'.");
            return null;
        }
        // --grid picks the candidates --search chooses from; without --search there is nothing to choose.
        string grid = values.GetValueOrDefault("grid", "around");
        if (grid is not ("around" or "wide"))
        {
            Console.Error.WriteLine($"--grid is '{grid}'; expected 'around' or 'wide'.");
            return null;
        }
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
        int[]? hidden = values.TryGetValue("hidden", out var h) ? h.Split(',').Select(int.Parse).ToArray() : null;
        SleepBiasMode? bias = values.TryGetValue("bias", out var b) ? Enum.Parse<SleepBiasMode>(b, ignoreCase: true) : null;
        return new CommandLine(setting, data, int.Parse(values.GetValueOrDefault("per-task", "5000")), hidden, approaches,
            flags.Contains("search"), grid, int.Parse(values.GetValueOrDefault("seed", "1")), int.Parse(values.GetValueOrDefault("validation", "500")), bias);
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
        return new ContinualLearningOptions
        {
            TrainPerTask = PerTask,
            ValidationPerTask = Validation,
            Training = training,
            Sleep = sleep,
            SleepCandidates = !Search ? [] : Grid == "wide" ? SleepCandidateGrid.Wide(sleep) : SleepCandidateGrid.Around(sleep),
            SleepIterationsIncreasePerTask = matlab ? 5000 : 166,
            SleepData = matlab ? SleepDataScope.TasksSoFar : SleepDataScope.CurrentTask,
            Approaches = Approaches,
            Seed = Seed,
        };
    }
}
