using Microsoft.ML.Runtime;

namespace Microsoft.ML.Compat.Tests.Catalogs;

[TestClass]
public sealed class MLContextTests
{
    [TestMethod]
    public void Channel_SendsMessagesToTheLogEventWithSourceAndKind()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<LoggingEventArgs>();
        ml.Log += (_, e) => messages.Add(e);
        using (var channel = ml.Register("MyTrainer").Start("Training"))
        {
            channel.Info("epoch 1 done");
            channel.Warning("careful");
        }
        Assert.AreEqual(2, messages.Count);
        Assert.AreEqual("MyTrainer; Training", messages[0].Source);
        Assert.AreEqual(ChannelMessageKind.Info, messages[0].Kind);
        Assert.AreEqual("epoch 1 done", messages[0].RawMessage);
        Assert.AreEqual("[Source=MyTrainer; Training, Kind=Info] epoch 1 done", messages[0].Message);
        Assert.AreEqual(ChannelMessageKind.Warning, messages[1].Kind);
    }

    [TestMethod]
    public void Log_WithoutSubscribers_DropsMessages()
    {
        var ml = new MLContext();
        using var channel = ml.Start("Quiet");
        channel.Error("nobody listens");
        channel.Trace("still fine");
        Assert.IsNotNull(ml.Data);
    }

    [TestMethod]
    public void Register_GivesHostsDeterministicRandomSourcesForASeed()
    {
        int[] Draws(int? seed)
        {
            var ml = new MLContext(seed);
            var a = ml.Register("A");
            var b = ml.Register("B");
            return new[] { a.Rand.Next(), b.Rand.Next(), a.Register("Child").Rand.Next() };
        }
        CollectionAssert.AreEqual(Draws(42), Draws(42));
        CollectionAssert.AreNotEqual(Draws(42), Draws(43));
        var host = new MLContext(1).Register("A", seed: 7);
        Assert.AreEqual(new Random(7).Next(), host.Rand.Next());
        Assert.AreEqual("A", host.Name);
    }

    [TestMethod]
    public void ProgressChannel_ReportsUnitsMetricsAndEtaToTheLog()
    {
        var ml = new MLContext();
        var messages = new List<LoggingEventArgs>();
        ml.Log += (_, e) => messages.Add(e);
        int epoch = 1;
        using (var progress = ml.Register("Trainer").StartProgressChannel("Fit"))
        {
            progress.SetHeader(new ProgressHeader(new[] { "loss" }, new[] { "epochs", "batches" }), entry =>
            {
                entry.SetProgress(0, epoch, 4);
                entry.SetProgress(1, 50, 100);
            });
            progress.Checkpoint(0.25);
        }
        Assert.AreEqual(1, messages.Count);
        Assert.AreEqual("Trainer; Fit", messages[0].Source);
        StringAssert.StartsWith(messages[0].RawMessage, "epochs: 1/4, batches: 50/100; loss=0.25; elapsed ");
        StringAssert.Contains(messages[0].RawMessage, ", ETA ");
    }

    [TestMethod]
    public void ProgressEntry_FractionDoneNestsInnerUnitsInOuterSteps()
    {
        var entry = new ProgressChannel.Entry(new ProgressHeader("epochs", "batches"));
        entry.SetProgress(0, 1, 4);
        entry.SetProgress(1, 50, 100);
        Assert.AreEqual((1 + 0.5) / 4, entry.FractionDone(), 1e-12);
        var outerOnly = new ProgressChannel.Entry(new ProgressHeader("epochs"));
        outerOnly.SetProgress(0, 3);
        Assert.AreEqual(0, outerOnly.FractionDone());
    }

    [TestMethod]
    public void CancelExecution_MakesCheckAliveThrow()
    {
        var ml = new MLContext();
        var host = ml.Register("Worker");
        host.CheckAlive();
        ml.CancelExecution();
        Assert.ThrowsExactly<OperationCanceledException>(() => host.CheckAlive());
    }

    [TestMethod]
    public void Catalogs_ExposeTheirContextForExtensionMethods()
    {
        var ml = new MLContext();
        Assert.AreSame(ml, ml.MulticlassClassification.Trainers.Context);
        Assert.AreSame(ml, ml.BinaryClassification.Trainers.Context);
        Assert.AreSame(ml, ml.Regression.Trainers.Context);
        Assert.AreSame(ml, ml.Transforms.Conversion.Context);
        Assert.AreSame(ml, ml.Transforms.Text.Context);
        Assert.AreSame(ml, ml.Model.Context);
        Assert.IsNull(ml.GpuDeviceId);
        Assert.AreEqual(5, new MLContext(seed: 5).Seed);
    }
}
