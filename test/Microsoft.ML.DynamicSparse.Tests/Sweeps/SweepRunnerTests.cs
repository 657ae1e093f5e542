using System.Text.Json;
using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class SweepRunnerTests
{
    [TestMethod]
    public void Run_PersistsEachTrial_AndARestartReadsFinishedTrialsInsteadOfRunningThem()
    {
        string directory = Path.Combine(Path.GetTempPath(), "dsnn-sweep-" + Guid.NewGuid().ToString("N"));
        try
        {
            var trials = new SweepGrid([1]).Add(nameof(DynamicSparseTrainer.Options.WeightPrunePercent), 0, 0.2)
                .Trials(Blobs.SmallOptions(epochs: 2));
            var train = Blobs.Arrays(60, 1);
            var validation = Blobs.Arrays(30, 2);

            var first = SweepRunner.Run(trials, train, validation, directory, maxParallel: 2);

            string path = Path.Combine(directory, trials[0].Id + ".jsonl");
            Assert.AreEqual(2, File.ReadAllLines(path).Length);
            Assert.AreEqual(0, Directory.GetFiles(directory, "*.partial").Length);
            // Mark the stored record: a rerun that trained again would not see the mark.
            var marked = first[0].History[0] with { TrainLoss = 123.5 };
            var lines = File.ReadAllLines(path);
            lines[0] = JsonSerializer.Serialize(marked);
            File.WriteAllLines(path, lines);

            var second = SweepRunner.Run(trials, train, validation, directory);

            Assert.AreEqual(123.5, second[0].History[0].TrainLoss);
            Assert.AreEqual(first[1].History[1].ValidationAccuracy, second[1].History[1].ValidationAccuracy);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void TrialLog_AbandonedBeforeCompletion_LeavesNoFileBehind()
    {
        string directory = Path.Combine(Path.GetTempPath(), "dsnn-sweep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "trial.jsonl");
            using (var log = TrialLog.Start(path))
                log.Report(new EpochRecord(1, 0.1, 1, 0.5, null, null, []));

            Assert.AreEqual(0, Directory.GetFiles(directory).Length);
            Assert.IsNull(TrialLog.ReadFinished(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void Run_WithACorruptStoredTrial_ThrowsNamingFileAndLine()
    {
        string directory = Path.Combine(Path.GetTempPath(), "dsnn-sweep-" + Guid.NewGuid().ToString("N"));
        try
        {
            var trials = new SweepGrid([1]).Add(nameof(DynamicSparseTrainer.Options.HebbianGrow), true).Trials(Blobs.SmallOptions(epochs: 1));
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, trials[0].Id + ".jsonl");
            File.WriteAllText(path, "{not json\n");

            var error = Assert.ThrowsExactly<AggregateException>(() => SweepRunner.Run(trials, Blobs.Arrays(30, 1), null, directory));

            StringAssert.Contains(error.InnerException!.Message, path + ", line 1");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
