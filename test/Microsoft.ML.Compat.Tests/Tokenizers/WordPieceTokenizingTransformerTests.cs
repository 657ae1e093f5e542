using Microsoft.ML.Data;
using Microsoft.ML.Tokenizers;

namespace Microsoft.ML.Compat.Tests.Tokenizers;

[TestClass]
public sealed class WordPieceTokenizingTransformerTests
{
    private const int Cls = 101, Sep = 102, Pad = 0;
    private static BertTokenizer s_uncased = null!;
    private readonly MLContext _ml = new(seed: 1);

    [ClassInitialize]
    public static void LoadVocabulary(TestContext _) => s_uncased = BertTokenizer.Create(TokenizerTestData.BertBaseUncasedVocab);

    private static IDataView Pairs() => new ArrayDataViewBuilder()
        .AddColumn("Sentence1", "Hello, my dog", "a b c d e")
        .AddColumn("Sentence2", "is cute", "g")
        .AddColumn("Label", NumberDataViewType.Single, 1f, 0f)
        .GetDataView();

    private static int[][] Read(IDataView view, string column)
    {
        var col = view.Schema[column];
        var rows = new List<int[]>();
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<VBuffer<int>>(col);
        var value = default(VBuffer<int>);
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value.DenseValues().ToArray());
        }
        return rows.ToArray();
    }

    [TestMethod]
    public void Transform_SentencePairs_AppendsIdsMaskAndTypeVectors()
    {
        var model = _ml.Transforms.Text.TokenizeIntoWordPieceIds(s_uncased, "Sentence1", "Sentence2", maxSequenceLength: 8).Fit(Pairs());
        var output = model.Transform(Pairs());

        var type = new VectorDataViewType(NumberDataViewType.Int32, 8);
        Assert.AreEqual(type, output.Schema["InputIds"].Type);
        Assert.AreEqual(type, output.Schema["AttentionMask"].Type);
        Assert.AreEqual(type, output.Schema["TokenTypeIds"].Type);
        var ids = Read(output, "InputIds");
        // hello , my dog | is cute: 4 + 2 tokens fit 8 - 3 = 5 only after the longer first text loses "dog".
        CollectionAssert.AreEqual(new[] { Cls, 7592, 1010, 2026, Sep, 2003, 10140, Sep }, ids[0]);
        CollectionAssert.AreEqual(new[] { Cls, 1037, 1038, 1039, 1040, Sep, 1043, Sep }, ids[1]);
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 0, 0, 1, 1 }, Read(output, "TokenTypeIds")[1]);
        CollectionAssert.AreEqual(new[] { 1, 1, 1, 1, 1, 1, 1, 1 }, Read(output, "AttentionMask")[1]);
    }

    [TestMethod]
    public void Transform_SingleSentence_PadsEachRow()
    {
        var model = _ml.Transforms.Text.TokenizeIntoWordPieceIds(s_uncased, "Sentence2", maxSequenceLength: 5,
            inputIdsColumnName: "Ids", attentionMaskColumnName: "Mask", tokenTypeIdsColumnName: "Types").Fit(Pairs());
        var output = model.Transform(Pairs());
        var ids = Read(output, "Ids");
        CollectionAssert.AreEqual(new[] { Cls, 2003, 10140, Sep, Pad }, ids[0]);
        CollectionAssert.AreEqual(new[] { Cls, 1043, Sep, Pad, Pad }, ids[1]);
        CollectionAssert.AreEqual(new[] { 1, 1, 1, 0, 0 }, Read(output, "Mask")[1]);
    }

    [TestMethod]
    public void Fit_MissingOrNonTextColumn_ThrowsNamingTheColumn()
    {
        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            _ml.Transforms.Text.TokenizeIntoWordPieceIds(s_uncased, "Question").Fit(Pairs()));
        StringAssert.Contains(missing.Message, "Column 'Question' not found");
        var mistyped = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            _ml.Transforms.Text.TokenizeIntoWordPieceIds(s_uncased, "Label").Fit(Pairs()));
        StringAssert.Contains(mistyped.Message, "'Label'");
    }

    [TestMethod]
    public void GetOutputSchema_Shape_AddsThreeInt32Vectors()
    {
        var estimator = _ml.Transforms.Text.TokenizeIntoWordPieceIds(s_uncased, "Sentence1", "Sentence2");
        var shape = estimator.GetOutputSchema(SchemaShape.Create(Pairs().Schema));
        Assert.IsTrue(shape.TryFindColumn("TokenTypeIds", out var types));
        Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, types.Kind);
        Assert.AreEqual(NumberDataViewType.Int32, types.ItemType);
    }

    [TestMethod]
    public void SaveAndLoad_RoundTrip_GivesTheSameIds()
    {
        var model = _ml.Transforms.Text.TokenizeIntoWordPieceIds(s_uncased, "Sentence1", "Sentence2", maxSequenceLength: 8).Fit(Pairs());
        using var stream = new MemoryStream();
        _ml.Model.Save(model, Pairs().Schema, stream);
        stream.Position = 0;
        var loaded = _ml.Model.Load(stream, out _);
        CollectionAssert.AreEqual(Read(model.Transform(Pairs()), "InputIds")[0], Read(loaded.Transform(Pairs()), "InputIds")[0]);
    }
}
