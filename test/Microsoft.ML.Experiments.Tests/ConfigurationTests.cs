using Microsoft.ML.BpSom;
using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Verbs;
using Microsoft.ML.Experiments.Verbs.Glue;
using Microsoft.ML.Experiments.Verbs.MnistBpSom;
using Microsoft.ML.Experiments.Verbs.Sparse;

namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class ConfigurationTests
{
    // The reference Python port's experiment config, keys as they are there.
    private const string ReferenceConfig = """
        model: {name: bert-base-uncased, max_length: 128}
        bpsom: {hidden_size: 128, som_grid_size: 20, som_error_weight: 0.25, som_lr_max: 0.2,
                som_lr_min: 0.05, som_context_max: 2, som_context_min: 0, reliability_threshold: 0.95}
        pruning: {enabled: true, threshold: 0.02}
        training: {batch_size: 32, learning_rate: 2.0e-5, num_epochs: 10, warmup_steps: 500,
                   weight_decay: 0.01, early_stopping_patience: 3}
        task: {name: sst2}
        """;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"ml-experiments-config-{Guid.NewGuid():N}");

    [ClassCleanup]
    public static void DeleteConfigFiles()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }

    private static string Write(string yaml)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static GlueSettings Glue(params string[] args) =>
        (GlueSettings)ExperimentApp.ParseSettings(["glue", "--vocabulary", SharedPaths.Models("bert-base-uncased-vocab", "vocab.txt"), .. args]);

    [TestMethod]
    public void ReferenceYaml_SetsEveryTextClassifierOption()
    {
        var settings = Glue("--config", Write(ReferenceConfig));
        var o = settings.Trainer;

        Assert.AreEqual(GlueTaskName.Sst2, settings.Task);
        Assert.AreEqual("base", o.BertSize, "model.name bert-base-uncased names the size of a random encoder");
        Assert.IsNull(o.BertCheckpointFolder);
        Assert.AreEqual(128, o.MaxSequenceLength);
        Assert.AreEqual(128, o.HiddenSize);
        Assert.AreEqual(20, o.SomGridSize);
        Assert.AreEqual(0.25f, o.SomErrorWeight);
        Assert.AreEqual(0.2f, o.SomMaximumLearningRate);
        Assert.AreEqual(0.05f, o.SomMinimumLearningRate);
        Assert.AreEqual(2, o.SomMaximumRadius);
        Assert.AreEqual(0, o.SomMinimumRadius);
        Assert.AreEqual(95, o.ReliabilityThreshold, "a fraction in the reference, a percent in the options");
        Assert.AreEqual(0.02f, o.PruneThreshold);
        Assert.AreEqual(32, o.BatchSize);
        Assert.AreEqual(2e-5f, o.LearningRate);
        Assert.AreEqual(10, o.NumberOfEpochs);
        Assert.AreEqual(500, o.WarmupSteps);
        Assert.AreEqual(0.01f, o.WeightDecay);
        Assert.AreEqual(3, o.EarlyStoppingPatience);
        Assert.AreEqual(GlueCatalog.Sentence1ColumnName, o.SentenceColumnName);
        Assert.IsNull(o.SecondSentenceColumnName, "SST-2 has single sentences");
    }

    [TestMethod]
    public void Flags_WinOverTheYamlFile()
    {
        var settings = Glue("--config", Write(ReferenceConfig), "--som-grid-size", "7", "--task", "mrpc", "--reliability-threshold", "80");

        Assert.AreEqual(7, settings.Trainer.SomGridSize);
        Assert.AreEqual(80, settings.Trainer.ReliabilityThreshold);
        Assert.AreEqual(GlueTaskName.Mrpc, settings.Task);
        Assert.AreEqual(GlueCatalog.Sentence2ColumnName, settings.Trainer.SecondSentenceColumnName, "MRPC pairs its sentences");
        Assert.AreEqual(128, settings.Trainer.HiddenSize, "keys the flags leave alone keep the file's value");
    }

    [TestMethod]
    public void PruningDisabled_SetsThePruneThresholdToZero()
    {
        var settings = Glue("--config", Write("pruning: {enabled: false, threshold: 0.05}\n"));

        Assert.AreEqual(0f, settings.Trainer.PruneThreshold);
    }

    [TestMethod]
    public void FlagNames_AreYamlKeysToo_AndListsMayBeYamlSequences()
    {
        var settings = (SparseSettings)ExperimentApp.ParseSettings("sparse", "--config",
            Write("hebbian-prune: [0, 0.1]\nseeds: [3, 4]\nepochs: 5\nhidden: 10,20\n"));

        CollectionAssert.AreEqual(new[] { 0, 0.1 }, settings.HebbianPrune);
        CollectionAssert.AreEqual(new[] { 3, 4 }, settings.TrialSeeds.ToArray());
        Assert.AreEqual(5, settings.Trainer.Epochs);
        CollectionAssert.AreEqual(new[] { 10, 20 }, settings.Trainer.HiddenLayers);
    }

    [TestMethod]
    public void MnistBpSom_Baseline_KeepsTheOriginalTrainerDefaultsWhereNotSet()
    {
        var settings = (MnistBpSomSettings)ExperimentApp.ParseSettings("mnist-bpsom", "--mode", "baseline", "--seed", "9", "--hidden-sizes", "50,20");
        var defaults = new BpSomTrainer.Options();

        Assert.AreEqual(TrainerMode.Baseline, settings.Mode);
        Assert.AreEqual(9, settings.Trainer.Seed);
        CollectionAssert.AreEqual(new[] { 50, 20 }, settings.Trainer.HiddenLayerSizes);
        Assert.AreEqual(defaults.LearningRate, settings.Trainer.LearningRate);
        Assert.AreEqual(defaults.SomErrorWeight, settings.Trainer.SomErrorWeight);
    }

    [TestMethod]
    public void UnknownYamlKey_IsAnErrorNamingTheKeyTheFileAndTheLine()
    {
        string path = Write("bpsom:\n  hidden_size: 64\n  som_grid_siz: 10\n");

        var (code, error) = CliRun.Fail("mnist-bpsom", "--config", path);

        Assert.AreEqual(ExperimentApp.UsageExitCode, code);
        StringAssert.Contains(error, "'bpsom.som_grid_siz'");
        StringAssert.Contains(error, path);
        StringAssert.Contains(error, "line 3");
    }

    [TestMethod]
    public void BadYamlValue_NamesTheKeyAndTheValue()
    {
        var e = Assert.ThrowsExactly<UsageException>(() => ExperimentApp.ParseSettings("mnist-bpsom", "--config", Write("training:\n  num_epochs: ten\n")));

        StringAssert.Contains(e.Message, "'training.num_epochs'");
        StringAssert.Contains(e.Message, "line 2");
        StringAssert.Contains(e.Message, "'ten'");
    }

    [TestMethod]
    public void UnknownFlag_IsAnErrorNamingTheFlag()
    {
        var (code, error) = CliRun.Fail("mnist-bpsom", "--som-gird-size", "10");

        Assert.AreEqual(ExperimentApp.UsageExitCode, code);
        StringAssert.Contains(error, "--som-gird-size");
    }

    [TestMethod]
    public void BadFlagValue_IsAnErrorNamingTheFlagAndTheValue()
    {
        var (code, error) = CliRun.Fail("sparse", "--hebbian-prune", "0,x");

        Assert.AreEqual(ExperimentApp.UsageExitCode, code);
        StringAssert.Contains(error, "--hebbian-prune");
        StringAssert.Contains(error, "'x'");
    }

    [TestMethod]
    public void MissingDataFolder_IsAnErrorNamingTheFolder_BeforeAnyOutputIsWritten()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-data-" + Guid.NewGuid().ToString("N"));
        string output = Path.Combine(Path.GetTempPath(), "ml-experiments-unwritten-" + Guid.NewGuid().ToString("N"));

        var (code, error) = CliRun.Fail("continual", "--data", missing, "--output", output);

        Assert.AreEqual(ExperimentApp.UsageExitCode, code);
        StringAssert.Contains(error, missing);
        Assert.IsFalse(Directory.Exists(output));
    }

    [TestMethod]
    public void OptionOutOfRange_IsAnErrorNamingTheOptionAndItsValue()
    {
        using var run = CliRun.Start(["mnist-bpsom", "--data", SharedPaths.Mnist, "--train", "20", "--validation", "10", "--test", "10", "--som-grid-size", "0"]);

        Assert.AreEqual(ExperimentApp.UsageExitCode, run.ExitCode);
        StringAssert.Contains(run.Error, "SomGridSize = 0");
        Assert.IsFalse(File.Exists(run.File("metrics.json")), "no results are written for a run that never trained");
    }

    [TestMethod]
    public void MissingConfigFile_IsAnErrorNamingTheFile()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-config.yaml");

        var e = Assert.ThrowsExactly<UsageException>(() => ExperimentApp.ParseSettings("glue", "--config", missing));

        StringAssert.Contains(e.Message, missing);
    }
}
