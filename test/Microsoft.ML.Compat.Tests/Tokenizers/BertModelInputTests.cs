using Microsoft.ML.Tokenizers;

namespace Microsoft.ML.Compat.Tests.Tokenizers;

/// <summary>Fixed-length BERT inputs: special tokens, pair truncation, padding, attention masks, type ids.</summary>
[TestClass]
public sealed class BertModelInputTests
{
    private const int Cls = 101, Sep = 102, Pad = 0;
    // Single letters are single tokens in bert-base-uncased: a = 1037 … h = 1044.
    private const int A = 1037, B = 1038, C = 1039, D = 1040, G = 1043, H = 1044;

    private static BertTokenizer s_uncased = null!;

    [ClassInitialize]
    public static void LoadVocabulary(TestContext _) => s_uncased = BertTokenizer.Create(TokenizerTestData.BertBaseUncasedVocab);

    [TestMethod]
    public void EncodeToFixedLength_ShortText_IsPaddedWithMaskZero()
    {
        var ids = new int[6];
        var mask = new int[6];
        var types = new int[6];
        int length = s_uncased.EncodeToFixedLength("Hello", ids, mask, types);
        Assert.AreEqual(3, length);
        CollectionAssert.AreEqual(new[] { Cls, 7592, Sep, Pad, Pad, Pad }, ids);
        CollectionAssert.AreEqual(new[] { 1, 1, 1, 0, 0, 0 }, mask);
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 0, 0 }, types);
    }

    [TestMethod]
    public void EncodeToFixedLength_LongText_KeepsItsFirstTokensAndEndsWithSep()
    {
        var ids = new int[4];
        int length = s_uncased.EncodeToFixedLength("a b c d", ids, new int[4], new int[4]);
        Assert.AreEqual(4, length);
        CollectionAssert.AreEqual(new[] { Cls, A, B, Sep }, ids);
    }

    [TestMethod]
    public void EncodeToFixedLength_Pair_TruncatesTheLongerTextFirst()
    {
        // 4 + 2 tokens, room for 8 - 3 = 5: the longer first text loses one.
        var ids = new int[8];
        var mask = new int[8];
        var types = new int[8];
        int length = s_uncased.EncodeToFixedLength("a b c d", "g h", ids, mask, types);
        Assert.AreEqual(8, length);
        CollectionAssert.AreEqual(new[] { Cls, A, B, C, Sep, G, H, Sep }, ids);
        CollectionAssert.AreEqual(new[] { 1, 1, 1, 1, 1, 1, 1, 1 }, mask);
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 0, 1, 1, 1 }, types);

        // Equal lengths 2 + 2 with room for 3: the second text loses on the tie.
        s_uncased.EncodeToFixedLength("a b", "g h", ids.AsSpan(0, 6), mask.AsSpan(0, 6), types.AsSpan(0, 6));
        CollectionAssert.AreEqual(new[] { Cls, A, B, Sep, G, Sep }, ids[..6]);
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 1, 1 }, types[..6]);
    }

    [TestMethod]
    public void LongestFirst_MatchesRemovingOneTokenAtATimeFromTheLongerText()
    {
        for (int first = 0; first <= 12; first++)
        for (int second = 0; second <= 12; second++)
        for (int budget = 0; budget <= 14; budget++)
        {
            int a = first, b = second;
            while (a + b > budget)
            {
                if (a > b) a--;
                else b--;
            }
            Assert.AreEqual((a, b), BertTokenizer.LongestFirst(first, second, budget), $"first {first}, second {second}, budget {budget}");
        }
    }

    [TestMethod]
    public void EncodeToFixedLength_PairThatFits_IsPaddedAfterTheSecondSep()
    {
        var ids = new int[7];
        var mask = new int[7];
        var types = new int[7];
        int length = s_uncased.EncodeToFixedLength("a", "d", ids, mask, types);
        Assert.AreEqual(5, length);
        CollectionAssert.AreEqual(new[] { Cls, A, Sep, D, Sep, Pad, Pad }, ids);
        CollectionAssert.AreEqual(new[] { 1, 1, 1, 1, 1, 0, 0 }, mask);
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 1, 1, 0, 0 }, types);
    }

    [TestMethod]
    public void EncodeToFixedLength_BuffersTooShortForSpecialTokens_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => s_uncased.EncodeToFixedLength("a", "b", new int[2], new int[2], new int[2]));
        Assert.ThrowsExactly<ArgumentException>(() => s_uncased.EncodeToFixedLength("a", new int[4], new int[3], new int[4]));
    }

    [TestMethod]
    public void EncodeBatch_Pairs_FillsRowMajorArrays()
    {
        var batch = s_uncased.EncodeBatch(["a b", "c"], ["g", "h d"], maxSequenceLength: 6);
        Assert.AreEqual(2, batch.BatchSize);
        Assert.AreEqual(6, batch.SequenceLength);
        CollectionAssert.AreEqual(new[] { Cls, A, B, Sep, G, Sep, Cls, C, Sep, H, D, Sep }, batch.InputIds);
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1 }, batch.TokenTypeIds);
        CollectionAssert.AreEqual(new[] { 6, 6 }, batch.Lengths);
    }

    [TestMethod]
    public void EncodeBatch_PadToLongest_ShortensRowsToTheLongestRow()
    {
        var batch = s_uncased.EncodeBatch(["a b c", "d"], maxSequenceLength: 32, padToLongest: true);
        Assert.AreEqual(5, batch.SequenceLength);
        CollectionAssert.AreEqual(new[] { Cls, A, B, C, Sep, Cls, D, Sep, Pad, Pad }, batch.InputIds);
        CollectionAssert.AreEqual(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 0, 0 }, batch.AttentionMask);
    }

    [TestMethod]
    public void EncodeBatch_PairCountDifferentFromTextCount_Throws()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => s_uncased.EncodeBatch(["a", "b"], ["c"]));
        StringAssert.Contains(e.Message, "2 texts but 1 text pairs");
    }

    [TestMethod]
    public void PairHelpers_BuildClsSepLayoutWithTypeIdsAndSpecialMask()
    {
        CollectionAssert.AreEqual(new[] { Cls, A, Sep, B, C, Sep }, s_uncased.BuildInputsWithSpecialTokens([A], [B, C]).ToArray());
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 1, 1, 1 }, s_uncased.CreateTokenTypeIdsFromSequences([A], [B, C]).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 0, 1, 0, 0, 1 }, s_uncased.GetSpecialTokensMask([A], [B, C]).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 0, 1, 1 }, s_uncased.GetSpecialTokensMask([Cls, A, Sep, Pad], alreadyHasSpecialTokens: true).ToArray());
    }
}
