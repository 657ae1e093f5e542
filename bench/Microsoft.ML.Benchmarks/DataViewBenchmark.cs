using Microsoft.ML.Data;

namespace Microsoft.ML.Benchmarks;

/// <summary>
/// Cursor throughput of the IDataView core: 60,000 MNIST-shaped rows (a Vector&lt;Single, 784&gt; column and a
/// Key&lt;UInt32, 10&gt; label) built in memory, read through one cursor with both getters called on every row.
/// </summary>
public sealed class DataViewBenchmark : IBenchmark
{
    private const int Rows = 60_000;
    private const int Pixels = 784;

    public string Group => "dataview";

    public void Run(Action<BenchResult> report)
    {
        var pixels = new float[Rows * Pixels];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (i * 7 % 256) / 255f;
        var labels = new uint[Rows];
        for (int i = 0; i < Rows; i++)
            labels[i] = (uint)(i % 10 + 1);
        var view = new ArrayDataViewBuilder()
            .AddColumn("Features", NumberDataViewType.Single, Pixels, pixels)
            .AddKeyColumn("Label", Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), labels)
            .GetDataView();
        var scan = new Scan(view);

        double seconds = Measure.SecondsPerCall(scan.Run, repetitions: 5, minRepSeconds: 0.5);
        report(new BenchResult("dataview_mnist_cursor", Rows / seconds, "rows/s", HigherIsBetter: true));
        double bytes = Measure.BytesPerCall(scan.Run, calls: 5);
        report(new BenchResult("dataview_mnist_cursor_alloc", bytes / Rows, "bytes/row", HigherIsBetter: false));
        if (scan.Checksum == 0)
            throw new InvalidOperationException("The scan read no data.");
    }

    /// <summary>One full pass; the feature buffer lives across passes, so a pass allocates only its cursor and getters.</summary>
    private sealed class Scan
    {
        private readonly IDataView _view;
        private VBuffer<float> _features;

        public Scan(IDataView view) => _view = view;

        public double Checksum { get; private set; }

        public void Run()
        {
            var featureColumn = _view.Schema["Features"];
            var labelColumn = _view.Schema["Label"];
            using var cursor = _view.GetRowCursor(featureColumn, labelColumn);
            var features = cursor.GetGetter<VBuffer<float>>(featureColumn);
            var label = cursor.GetGetter<uint>(labelColumn);
            uint key = 0;
            double sum = 0;
            while (cursor.MoveNext())
            {
                features(ref _features);
                label(ref key);
                sum += _features.GetValues()[Pixels - 1] + key;
            }
            Checksum = sum;
        }
    }
}
