using Microsoft.ML.BpSom;
using Microsoft.ML.Data;
using Microsoft.ML.Experiments.Reporting;
using Microsoft.ML.Experiments.Running;
using Microsoft.ML.Reports;

namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class BpSomReportTests
{
    /// <summary>A 2×2 two-class snapshot whose first cell carries <paramref name="label"/>.</summary>
    private static SomSnapshot Som(int label) => new(2, 2, [label, 1, 2, 0], [80, 100, 60, 0], [0.5f, 0.25f, 0.75f, 1f]);

    private static TrainerResult Result(string name) =>
        new(name, [new Metric("accuracy", 0.5)], null, null, null, new ConfusionTable(["no", "yes"], [[1, 1], [1, 1]]), []);

    private static string Render(IReadOnlyList<TrainerResult> results, IReadOnlyList<TrainedSoms> soms)
    {
        var report = new HtmlReport("test");
        BpSomReport.Add(report, results, soms, "loss");
        return report.ToHtml();
    }

    [TestMethod]
    public void Add_DrawsOneClassLabelMapAndUMatrixPerLabelledEpochAndLayer_MarkingTheKeptEpoch()
    {
        var soms = new[]
        {
            new TrainedSoms("bpsom", KeptEpoch: 4, [new SomEpoch(2, [Som(1), Som(2)]), new SomEpoch(4, [Som(2), Som(2)])]),
            new TrainedSoms("baseline", KeptEpoch: 2, [new SomEpoch(2, [Som(0), Som(1)])]),
        };

        string html = Render([Result("bpsom"), Result("baseline")], soms);

        Assert.AreEqual(6, CliRun.CountOf(html, "data-chart=\"som\""), "(2 + 1 labelled epochs) × 2 layers");
        Assert.AreEqual(6, CliRun.CountOf(html, "data-chart=\"umatrix\""));
        foreach (string title in new[]
        {
            "bpsom hidden layer 1, epoch 2: class labels", "bpsom hidden layer 2, epoch 4 (kept): U-matrix",
            "baseline hidden layer 2, epoch 2 (kept): class labels",
        })
            StringAssert.Contains(html, title);
        Assert.AreEqual(0, CliRun.CountOf(html, "bpsom hidden layer 1, epoch 2 (kept)"), "epoch 2 is not bpsom's kept epoch");
        StringAssert.Contains(html, "SOMs per labelled epoch: baseline");
    }

    [TestMethod]
    public void Add_WithManyLabelledEpochs_DrawsSmallLabelMaps()
    {
        SomEpoch[] epochs = [.. Enumerable.Range(1, 6).Select(e => new SomEpoch(e, [Som(e % 3)]))];

        string many = Render([Result("bpsom")], [new TrainedSoms("bpsom", 6, epochs)]);
        string few = Render([Result("bpsom")], [new TrainedSoms("bpsom", 3, epochs[..3])]);

        Assert.AreEqual(6, CliRun.CountOf(many, "data-chart=\"som\""));
        Assert.AreEqual(3, CliRun.CountOf(few, "data-chart=\"som\""));
        // Full-size maps print each labelled cell's reliability (80 and 100 here); compact ones leave it to the opacity.
        StringAssert.Contains(few, ">100<");
        Assert.AreEqual(0, CliRun.CountOf(many, ">100<"));
    }

    [TestMethod]
    public void TrainedSoms_OfATrainerWithoutLabelledEpochs_DrawsTheMapsKeptWithTheModel()
    {
        // 3 epochs with TestRatio 5: no epoch is labelled during training; the model's maps are labelled after it.
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 30).Select(n => new Row { Label = (uint)(n % 2 + 1), Features = [n % 2, 1 - n % 2, 0.5f] }).ToArray();
        var model = ml.MulticlassClassification.Trainers.BpSom(new BpSomTrainer.Options
        {
            HiddenLayerSizes = [4], SomGridSize = 2, NumberOfEpochs = 3, TestRatio = 5,
        }).Fit(ml.Data.LoadFromEnumerable(rows)).Model;

        var soms = TrainedSoms.Of("bpsom", model);

        Assert.IsTrue(model.History.All(e => e.Soms.Count == 0));
        Assert.AreEqual(3, soms.KeptEpoch);
        var only = soms.Epochs.Single();
        Assert.AreEqual(3, only.Epoch);
        CollectionAssert.AreEqual(model.Maps[0].Labels.ToArray(), only.Maps[0].Labels.ToArray());
        CollectionAssert.AreEqual(model.Maps[0].ComputeUMatrix(), only.Maps[0].UMatrix.ToArray());
    }

    private sealed class Row
    {
        [KeyType(2)]
        public uint Label { get; set; }

        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
