using Microsoft.ML.Datasets;
using Microsoft.ML.Tokenizers;

namespace Microsoft.ML.Benchmarks;

/// <summary>
/// "datasets": BERT WordPiece tokenization of SST-2's 67,349 training sentences into 128-token model inputs
/// (sentences/s, one thread), and loading MNIST's training split from its gzipped IDX files into an
/// IDataView (ms). Data and vocabulary are found under ../shared as the loaders find them.
/// </summary>
public sealed class DatasetsBenchmark : IBenchmark
{
    private const int SequenceLength = 128;

    public string Group => "datasets";

    public void Run(Action<BenchResult> report)
    {
        var ml = new MLContext(seed: 1);
        string[] sentences = ReadSentences(ml.Data.LoadGlue(GlueTask.Sst2, GlueSplit.Train));
        var tokenizer = BertTokenizer.Create(VocabularyPath());
        var ids = new int[SequenceLength];
        var mask = new int[SequenceLength];
        var types = new int[SequenceLength];
        double seconds = Measure.SecondsPerCall(() =>
        {
            foreach (string sentence in sentences) tokenizer.EncodeToFixedLength(sentence, ids, mask, types);
        }, repetitions: 5, minRepSeconds: 0.1);
        report(new BenchResult("tokenize_sst2_train", sentences.Length / seconds, "sentences/s", HigherIsBetter: true));

        double loadSeconds = Measure.SecondsPerCall(() => ml.Data.LoadMnist(MnistSplit.Train), repetitions: 5, minRepSeconds: 0.1);
        report(new BenchResult("load_mnist_train", loadSeconds * 1000, "ms", HigherIsBetter: false));
    }

    private static string[] ReadSentences(IDataView data)
    {
        var column = data.Schema[GlueCatalog.Sentence1ColumnName];
        var sentences = new List<string>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            sentences.Add(value.ToString());
        }
        return sentences.ToArray();
    }

    private static string VocabularyPath() =>
        DatasetLocator.DefaultDataRoots()
            .Select(root => Path.Combine(root, "..", "models", "bert-base-uncased-vocab", "vocab.txt"))
            .FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("No models/bert-base-uncased-vocab/vocab.txt beside any shared/data folder.");
}
