using Microsoft.ML.Tokenizers;

namespace Microsoft.ML.Compat.Tests.Tokenizers;

[TestClass]
public sealed class BertTokenizerTests
{
    private static BertTokenizer s_uncased = null!;

    [ClassInitialize]
    public static void LoadVocabulary(TestContext _) => s_uncased = BertTokenizer.Create(TokenizerTestData.BertBaseUncasedVocab);

    private static string[] Tokens(BertTokenizer tokenizer, string text) =>
        tokenizer.EncodeToTokens(text, out _).Select(t => t.Value).ToArray();

    [TestMethod]
    public void EncodeToIds_HuggingFaceDocumentationExample_GivesThePublishedIds()
    {
        // The ids Hugging Face documents for bert-base-uncased and "Hello, my dog is cute".
        CollectionAssert.AreEqual(new[] { 101, 7592, 1010, 2026, 3899, 2003, 10140, 102 },
            s_uncased.EncodeToIds("Hello, my dog is cute").ToArray());
    }

    [TestMethod]
    public void EncodeToTokens_UnknownWord_IsSpelledWithLongestVocabularyPieces()
    {
        // bert-base-uncased has "una" (longer than "un"), then "##ffa" and "##ble": greedy longest match.
        CollectionAssert.AreEqual(new[] { "una", "##ffa", "##ble" }, Tokens(s_uncased, "unaffable"));
        CollectionAssert.AreEqual(new[] { "i", "have", "a", "new", "gp", "##u", "!" }, Tokens(s_uncased, "I have a new GPU!"));
    }

    [TestMethod]
    public void EncodeToTokens_OriginalBertReadmeVocabulary_GivesUnAffAble()
    {
        string vocab = TokenizerTestData.WriteVocab("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "want", "##want", "##ed", "wa", "runn", "##ing", ",");
        try
        {
            var tokenizer = BertTokenizer.Create(vocab);
            CollectionAssert.AreEqual(new[] { "un", "##aff", "##able" }, Tokens(tokenizer, "unaffable"));
            // The example of google-research/bert's tokenization test: accent stripped, comma split off.
            CollectionAssert.AreEqual(new[] { "un", "##want", "##ed", ",", "runn", "##ing" }, Tokens(tokenizer, "UNwant\u00E9d,running"));
            CollectionAssert.AreEqual(new[] { 5, 9, 10, 14, 12, 13 }, tokenizer.EncodeToIds("UNwant\u00E9d,running", addSpecialTokens: false).ToArray());
            // A word with an unmatched remainder is one [UNK], not a partial spelling.
            CollectionAssert.AreEqual(new[] { "[UNK]", "runn", "##ing" }, Tokens(tokenizer, "unwantedX running"));
        }
        finally
        {
            File.Delete(vocab);
        }
    }

    [TestMethod]
    public void EncodeToTokens_Accents_AreStrippedWhenLowercasing()
    {
        CollectionAssert.AreEqual(new[] { "naive", "cafe", "resume" }, Tokens(s_uncased, "Naïve CAFÉ résumé"));
    }

    [TestMethod]
    public void EncodeToTokens_AccentStrippingOff_LeavesAccentedWordsUnknownToAnUncasedVocabulary()
    {
        var keepAccents = BertTokenizer.Create(TokenizerTestData.BertBaseUncasedVocab, new BertOptions { RemoveNonSpacingMarks = false });
        Assert.IsFalse(keepAccents.RemoveNonSpacingMarks);
        // The uncased vocabulary was built from accent-stripped text: it has no "##é" to finish "caf".
        CollectionAssert.AreEqual(new[] { "[UNK]" }, Tokens(keepAccents, "café"));
        CollectionAssert.AreEqual(new[] { "cafe" }, Tokens(s_uncased, "café"));
    }

    [TestMethod]
    public void EncodeToTokens_CasedOptions_KeepCaseAndAccents()
    {
        var cased = BertTokenizer.Create(TokenizerTestData.BertBaseUncasedVocab, new BertOptions { LowerCaseBeforeTokenization = false });
        Assert.IsFalse(cased.RemoveNonSpacingMarks);
        cased.EncodeToTokens("Hello", out string? normalized);
        Assert.AreEqual("Hello", normalized);
    }

    [TestMethod]
    public void EncodeToTokens_Punctuation_IncludingAsciiSymbols_IsSplitOff()
    {
        CollectionAssert.AreEqual(
            new[] { "don", "'", "t", "stop", "-", "believing", "$", "100", "<", "tag", ">" },
            Tokens(s_uncased, "don't stop-believing $100 <tag>"));
        // General punctuation outside ASCII: em dash and left/right double quotes.
        CollectionAssert.AreEqual(new[] { "a", "—", "“", "b", "”" }, Tokens(s_uncased, "a—“b”"));
    }

    [TestMethod]
    public void EncodeToTokens_BasicTokenizationOff_SplitsOnWhitespaceOnly()
    {
        var whitespaceOnly = BertTokenizer.Create(TokenizerTestData.BertBaseUncasedVocab, new BertOptions { ApplyBasicTokenization = false });
        // Punctuation stays inside the word, so WordPiece spells it as a continuation piece.
        CollectionAssert.AreEqual(new[] { "hello", "##,", "world", "##!" }, Tokens(whitespaceOnly, "Hello, World!"));
    }

    [TestMethod]
    public void EncodeToTokens_ChineseCharacters_AreSingleTokens()
    {
        CollectionAssert.AreEqual(new[] { 101, 1855, 1746, 1799, 1756, 102 }, s_uncased.EncodeToIds("我中国人").ToArray());
        // Ideographs missing from the vocabulary are [UNK] one by one; neighbours are unaffected.
        CollectionAssert.AreEqual(new[] { "hello", "[UNK]", "中" }, Tokens(s_uncased, "hello是中"));
    }

    [TestMethod]
    public void EncodeToTokens_ControlCharacters_AreDeletedAndWhitespaceSplits()
    {
        // NUL and the zero-width space (a format character) vanish without splitting; tab and newline split.
        CollectionAssert.AreEqual(new[] { "abc", "d" }, Tokens(s_uncased, "a\u0000b\u200Bc \t\nd"));
    }

    [TestMethod]
    public void EncodeToTokens_SpecialTokensInText_AreKeptWholeOnlyInTheirExactSpelling()
    {
        CollectionAssert.AreEqual(new[] { "hello", "[SEP]", "world", "[", "cl", "##s", "]" }, Tokens(s_uncased, "hello[SEP]world [cls]"));
    }

    [TestMethod]
    public void EncodeToTokens_ExtraSpecialTokens_AreKeptWholeBesideTheBertOnes()
    {
        var tokenizer = BertTokenizer.Create(TokenizerTestData.BertBaseUncasedVocab,
            new BertOptions { SpecialTokens = new Dictionary<string, int> { ["[unused0]"] = 1 } });
        CollectionAssert.AreEqual(new[] { 7592, 1, 2088, 102 }, tokenizer.EncodeToIds("hello[unused0]world[SEP]", addSpecialTokens: false).ToArray());
        Assert.AreEqual(6, tokenizer.SpecialTokens.Count);
    }

    [TestMethod]
    public void EncodeToTokens_SplitOnSpecialTokensOff_TreatsThemAsText()
    {
        var tokenizer = BertTokenizer.Create(TokenizerTestData.BertBaseUncasedVocab, new BertOptions { SplitOnSpecialTokens = false });
        CollectionAssert.AreEqual(new[] { "[", "sep", "]" }, Tokens(tokenizer, "[SEP]"));
    }

    [TestMethod]
    public void EncodeToTokens_WordOverHundredCharacters_IsUnknown()
    {
        CollectionAssert.AreEqual(new[] { "[UNK]" }, Tokens(s_uncased, new string('a', 101)));
        Assert.AreNotEqual("[UNK]", Tokens(s_uncased, new string('a', 100))[0]);
    }

    [TestMethod]
    public void EncodeToTokens_Offsets_PointIntoTheOriginalText()
    {
        var tokens = s_uncased.EncodeToTokens("Héllo, wörld", out string? normalized);
        Assert.AreEqual("hello, world", normalized);
        CollectionAssert.AreEqual(new[] { (0, 5), (5, 6), (7, 12) },
            tokens.Select(t => (t.Offset.Start.Value, t.Offset.End.Value)).ToArray());
    }

    [TestMethod]
    public void EncodeToIds_WithoutSpecialTokens_OmitsClsAndSep()
    {
        CollectionAssert.AreEqual(new[] { 7592, 2088 }, s_uncased.EncodeToIds("hello world", addSpecialTokens: false).ToArray());
        Assert.AreEqual(2, s_uncased.CountTokens("hello world"));
    }

    [TestMethod]
    public void EncodeToIds_MaxTokenCount_DropsWordsThatDoNotFitWhole()
    {
        // "unaffable" is three pieces: with room for two content tokens it is dropped entirely.
        var ids = s_uncased.EncodeToIds("unaffable running", 4, out _, out int consumed);
        CollectionAssert.AreEqual(new[] { 101, 102 }, ids.ToArray());
        Assert.AreEqual(0, consumed);

        ids = s_uncased.EncodeToIds("unaffable running", 5, out _, out consumed);
        CollectionAssert.AreEqual(new[] { 101, 14477, 20961, 3468, 102 }, ids.ToArray());
        Assert.AreEqual("unaffable".Length, consumed);
    }

    [TestMethod]
    public void Decode_JoinsContinuationPiecesAndCanSkipSpecialTokens()
    {
        var ids = s_uncased.EncodeToIds("Unaffable running, the playground");
        Assert.AreEqual("[CLS] unaffable running , the playground [SEP]", s_uncased.Decode(ids));
        Assert.AreEqual("unaffable running , the playground", s_uncased.Decode(ids, skipSpecialTokens: true));
    }

    [TestMethod]
    public void Decode_IdOutsideTheVocabulary_ThrowsNamingTheId()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_uncased.Decode([30522]));
        StringAssert.Contains(e.Message, "30522");
    }

    [TestMethod]
    public void Create_VocabularyWithoutSeparator_ThrowsNamingFileAndToken()
    {
        string vocab = TokenizerTestData.WriteVocab("[PAD]", "[UNK]", "[CLS]", "[MASK]", "hello");
        try
        {
            var e = Assert.ThrowsExactly<InvalidDataException>(() => BertTokenizer.Create(vocab));
            StringAssert.Contains(e.Message, vocab);
            StringAssert.Contains(e.Message, "[SEP]");
        }
        finally
        {
            File.Delete(vocab);
        }
    }

    [TestMethod]
    public void Create_EmptyLines_UseUpTheirIds()
    {
        string vocab = TokenizerTestData.WriteVocab("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "", "hello");
        try
        {
            var tokenizer = BertTokenizer.Create(vocab);
            Assert.AreEqual(6, tokenizer.MapTokenToId("hello"));
            Assert.IsNull(tokenizer.MapIdToToken(5));
        }
        finally
        {
            File.Delete(vocab);
        }
    }

    [TestMethod]
    public void EncodeToIds_ManyThreads_GiveTheSameIds()
    {
        string[] texts = ["Hello, my dog is cute", "unaffable running", "我中国人", "Naïve CAFÉ résumé"];
        var expected = texts.Select(t => s_uncased.EncodeToIds(t).ToArray()).ToArray();
        Parallel.For(0, 400, i => CollectionAssert.AreEqual(expected[i % 4], s_uncased.EncodeToIds(texts[i % 4]).ToArray()));
    }
}
