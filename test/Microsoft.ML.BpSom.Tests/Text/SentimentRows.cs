using Microsoft.ML.Data;

namespace Microsoft.ML.BpSom.Tests;

/// <summary>A synthetic sentiment task over <see cref="TinyBert"/>'s vocabulary: each sentence holds filler words and one or two
/// words of its class's polarity (key 1 = negative, key 2 = positive).</summary>
internal sealed class SentimentRow
{
    public string Sentence { get; set; } = "";

    [KeyType(2)]
    public uint Label { get; set; }

    public static List<SentimentRow> Make(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            bool positive = random.Next(2) == 1;
            return new SentimentRow { Sentence = RandomSentence(random, positive), Label = positive ? 2u : 1u };
        }).ToList();
    }

    public static IDataView Load(MLContext ml, int count, int seed) => ml.Data.LoadFromEnumerable(Make(count, seed));

    /// <summary>Three to five filler words with one or two polar words mixed in.</summary>
    public static string RandomSentence(Random random, bool positive)
    {
        var words = Enumerable.Range(0, 3 + random.Next(3)).Select(_ => TinyBert.FillerWords[random.Next(TinyBert.FillerWords.Length)]).ToList();
        var polar = positive ? TinyBert.PositiveWords : TinyBert.NegativeWords;
        for (int n = 0; n < 1 + random.Next(2); n++) words.Insert(random.Next(words.Count + 1), polar[random.Next(polar.Length)]);
        return string.Join(' ', words);
    }
}

/// <summary>The same task with a Boolean label (true = positive), for the binary catalog.</summary>
internal sealed class BinarySentimentRow
{
    public string Sentence { get; set; } = "";
    public bool Label { get; set; }

    public static IDataView Load(MLContext ml, int count, int seed) =>
        ml.Data.LoadFromEnumerable(SentimentRow.Make(count, seed).Select(r => new BinarySentimentRow { Sentence = r.Sentence, Label = r.Label == 2 }));
}

/// <summary>A sentence-pair task: key 2 when both sentences have the same polarity, key 1 otherwise.</summary>
internal sealed class PairRow
{
    public string Sentence { get; set; } = "";
    public string Second { get; set; } = "";

    [KeyType(2)]
    public uint Label { get; set; }

    public static IDataView Load(MLContext ml, int count, int seed)
    {
        var random = new Random(seed);
        return ml.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(_ =>
        {
            bool a = random.Next(2) == 1, b = random.Next(2) == 1;
            return new PairRow { Sentence = SentimentRow.RandomSentence(random, a), Second = SentimentRow.RandomSentence(random, b), Label = a == b ? 2u : 1u };
        }).ToList());
    }
}
