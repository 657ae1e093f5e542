using Microsoft.ML.Neural.Bert;
using Microsoft.ML.Tokenizers;

namespace Microsoft.ML.BpSom;

/// <summary>Turns sentences (or sentence pairs) into <see cref="BertBatch"/>es with a WordPiece vocabulary. The vocabulary's
/// lines are kept so that a saved model carries its own tokenizer.</summary>
internal sealed class TextBatchEncoder
{
    public TextBatchEncoder(string[] vocabulary, int maxSequenceLength)
    {
        if (vocabulary.Length == 0) throw new ArgumentException("The vocabulary is empty.", nameof(vocabulary));
        Vocabulary = vocabulary;
        MaxSequenceLength = maxSequenceLength;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', vocabulary)));
        Tokenizer = BertTokenizer.Create(stream);
    }

    /// <summary>Reads a vocab.txt file (one token per line).</summary>
    public static TextBatchEncoder FromFile(string path, int maxSequenceLength) =>
        new(File.ReadAllLines(path).Where(line => line.Length > 0).ToArray(), maxSequenceLength);

    public string[] Vocabulary { get; }
    public int MaxSequenceLength { get; }
    public BertTokenizer Tokenizer { get; }

    /// <summary>Encodes rows <paramref name="rows"/> of <paramref name="first"/> (and <paramref name="second"/>), padded to the
    /// longest row of the batch: padding is masked out of attention, so a row's result does not depend on its batch mates
    /// beyond rounding, and short batches run much faster than at the full length.</summary>
    public BertBatch Encode(IReadOnlyList<string> first, IReadOnlyList<string>? second)
    {
        var encoding = Tokenizer.EncodeBatch(first, second, MaxSequenceLength, padToLongest: true);
        return new BertBatch(encoding.BatchSize, encoding.SequenceLength, encoding.InputIds, encoding.TokenTypeIds, encoding.AttentionMask);
    }
}
