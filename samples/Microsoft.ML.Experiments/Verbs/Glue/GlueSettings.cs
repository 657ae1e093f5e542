using Microsoft.ML.BpSom;
using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.Experiments.Verbs.Glue;

/// <summary>Settings of <c>glue</c>: the task, the BP-SOM text classifier's options and how much data to use.</summary>
public sealed class GlueSettings : BpSomExperimentSettings
{
    public GlueTaskName Task { get; set; } = GlueTaskName.Sst2;

    /// <summary>Training rows (a seeded random subset of N; 0 = all), for smoke runs.</summary>
    public int MaxTrain { get; set; }

    /// <summary>Dev rows (the first N; 0 = all).</summary>
    public int MaxDev { get; set; }

    /// <summary>The reference's <c>model.name</c>: a checkpoint folder, or a BERT name whose size is taken for a random
    /// encoder (bert-base-uncased → base, …-tiny → tiny); null leaves --checkpoint / --bert-size as they are.</summary>
    public string? ModelName { get; set; }

    public BpSomTextClassificationTrainer.Options Trainer { get; } = new()
    {
        SentenceColumnName = GlueCatalog.Sentence1ColumnName,
    };

    public override void Complete()
    {
        ExistingDataFolder();
        if (ModelName is not null)
            ApplyModelName(ModelName);
        if (Trainer.BertCheckpointFolder is { } checkpoint && !Directory.Exists(checkpoint))
            throw new UsageException($"--checkpoint: the folder '{checkpoint}' does not exist.");
        if (Trainer.VocabularyPath is { } vocabulary && !File.Exists(vocabulary))
            throw new UsageException($"--vocabulary: the file '{vocabulary}' does not exist.");
        if (Trainer.VocabularyPath is null && Trainer.BertCheckpointFolder is null)
            Trainer.VocabularyPath = SharedVocabulary.Find();
        Trainer.SecondSentenceColumnName = GlueTasks.IsPair(Task) ? GlueCatalog.Sentence2ColumnName : null;
        Trainer.Seed = Seed;
        if (!Pruning)
            Trainer.PruneThreshold = 0;
        foreach (var (flag, value) in new[] { ("--max-train", MaxTrain), ("--max-dev", MaxDev) })
            if (value < 0)
                throw new UsageException($"{flag} must not be negative, got {value}.");
    }

    private void ApplyModelName(string name)
    {
        if (Directory.Exists(name))
        {
            Trainer.BertCheckpointFolder = name;
            return;
        }
        string lower = name.ToLowerInvariant();
        Trainer.BertSize = BertConfig.SizeNames.FirstOrDefault(lower.Contains)
            ?? throw new UsageException($"model.name: '{name}' is neither a checkpoint folder nor a BERT size (tiny, mini, small, medium, base).");
    }
}
