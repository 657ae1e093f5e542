using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.DataLoad;

[TestClass]
public sealed class TextLoaderTests
{
    private static readonly TextLoader.Column[] PeopleColumns =
    {
        new("Id", DataKind.Int32, 0),
        new("Name", DataKind.String, 1),
        new("Score", DataKind.Single, 2),
        new("Tag", DataKind.String, 3),
    };

    private static IDataView LoadPeople(string path) =>
        new MLContext(1).Data.LoadFromTextFile(path, PeopleColumns, separatorChar: ',', hasHeader: true, allowQuoting: true);

    [TestMethod]
    public void LoadFromTextFile_WithQuoting_KeepsSeparatorsAndDoubledQuotesInsideQuotes()
    {
        using var folder = new TempFolder();
        string path = folder.Write("people.csv",
            "id,name,score,tag",
            "1,\"Smith, John\",3.5,a",
            "2,\"He said \"\"hi\"\"\",4,b",
            "3,plain,7,c");
        var view = LoadPeople(path);
        CollectionAssert.AreEqual(new[] { "Smith, John", "He said \"hi\"", "plain" }, ViewReader.Text(view, "Name"));
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, ViewReader.Column<int>(view, "Id"));
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, ViewReader.Text(view, "Tag"));
    }

    [TestMethod]
    public void LoadFromTextFile_EmptyFloatField_IsNaN()
    {
        using var folder = new TempFolder();
        string path = folder.Write("people.csv", "id,name,score,tag", "1,a,,x", "2,b,2.25,y");
        var scores = ViewReader.Column<float>(LoadPeople(path), "Score");
        Assert.IsTrue(float.IsNaN(scores[0]));
        Assert.AreEqual(2.25f, scores[1]);
    }

    [TestMethod]
    public void LoadFromTextFile_UnparsableNumber_ThrowsNamingFileLineAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.Write("people.csv", "id,name,score,tag", "1,a,1.5,x", "2,b,abc,y");
        var view = LoadPeople(path); // lazy: nothing is parsed yet
        var error = Assert.ThrowsExactly<FormatException>(() => ViewReader.Column<float>(view, "Score"));
        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "line 3, column 2");
        StringAssert.Contains(error.Message, "'abc'");
        StringAssert.Contains(error.Message, "'Score'");
    }

    [TestMethod]
    public void LoadFromTextFile_LineWithTooFewFields_ThrowsNamingFileLineAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.Write("people.csv", "id,name,score,tag", "1,a,1.5,x", "2,b");
        var error = Assert.ThrowsExactly<FormatException>(() => ViewReader.Column<float>(LoadPeople(path), "Score"));
        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "line 3, column 2");
        StringAssert.Contains(error.Message, "has 2 fields");
    }

    [TestMethod]
    public void LoadFromTextFile_UnterminatedQuote_ThrowsNamingTheLine()
    {
        using var folder = new TempFolder();
        string path = folder.Write("people.csv", "id,name,score,tag", "1,\"open,1,x");
        var error = Assert.ThrowsExactly<FormatException>(() => ViewReader.Text(LoadPeople(path), "Name"));
        StringAssert.Contains(error.Message, "line 2, column 1");
        StringAssert.Contains(error.Message, "no closing quote");
    }

    [TestMethod]
    public void LoadFromTextFile_ReadsOnlyActiveColumns_SoABadFieldInAnotherColumnIsNotAnError()
    {
        using var folder = new TempFolder();
        string path = folder.Write("people.csv", "id,name,score,tag", "1,a,not-a-number,x");
        CollectionAssert.AreEqual(new[] { "a" }, ViewReader.Text(LoadPeople(path), "Name"));
    }

    [TestMethod]
    public void LoadFromTextFile_WithoutQuoting_TreatsQuotesAsText()
    {
        using var folder = new TempFolder();
        string path = folder.Write("plain.tsv", "\"a\tb\"");
        var view = new MLContext(1).Data.LoadFromTextFile(path,
            new[] { new TextLoader.Column("First", DataKind.String, 0), new TextLoader.Column("Second", DataKind.String, 1) });
        CollectionAssert.AreEqual(new[] { "\"a" }, ViewReader.Text(view, "First"));
        CollectionAssert.AreEqual(new[] { "b\"" }, ViewReader.Text(view, "Second"));
    }

    [TestMethod]
    public void LoadFromTextFile_WithTrimWhitespace_StripsFieldPadding()
    {
        using var folder = new TempFolder();
        string path = folder.Write("padded.csv", "  x  , 2 ");
        var view = new MLContext(1).Data.LoadFromTextFile(path,
            new[] { new TextLoader.Column("Word", DataKind.String, 0), new TextLoader.Column("Count", DataKind.Int64, 1) },
            separatorChar: ',', trimWhitespace: true);
        CollectionAssert.AreEqual(new[] { "x" }, ViewReader.Text(view, "Word"));
        CollectionAssert.AreEqual(new[] { 2L }, ViewReader.Column<long>(view, "Count"));
    }

    [TestMethod]
    public void LoadFromTextFile_RangeColumn_IsAFixedSizeVector()
    {
        using var folder = new TempFolder();
        string path = folder.Write("vectors.tsv", "7\t1\t2\t3", "8\t4\t5\t6");
        var view = new MLContext(1).Data.LoadFromTextFile(path,
            new[] { new TextLoader.Column("Label", DataKind.Single, 0), new TextLoader.Column("Features", DataKind.Single, 1, 3) });
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), view.Schema["Features"].Type);
        var rows = ViewReader.Vectors<float>(view, "Features");
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, rows[0]);
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, rows[1]);
    }

    [TestMethod]
    public void LoadFromTextFile_OpenRange_IsAVariableSizeVectorToTheEndOfTheLine()
    {
        using var folder = new TempFolder();
        string path = folder.Write("tokens.tsv", "a\tx\ty", "b\tz");
        var view = new MLContext(1).Data.LoadFromTextFile(path, new[]
        {
            new TextLoader.Column("Tokens", DataKind.String, new[] { new TextLoader.Range(1, null) }),
        });
        Assert.AreEqual(new VectorDataViewType(TextDataViewType.Instance), view.Schema["Tokens"].Type);
        var rows = ViewReader.Vectors<ReadOnlyMemory<char>>(view, "Tokens");
        CollectionAssert.AreEqual(new[] { "x", "y" }, rows[0].Select(m => m.ToString()).ToArray());
        CollectionAssert.AreEqual(new[] { "z" }, rows[1].Select(m => m.ToString()).ToArray());
    }

    [TestMethod]
    public void LoadFromTextFile_KeyColumn_MapsZeroBasedFileValuesToOneBasedKeys()
    {
        using var folder = new TempFolder();
        string path = folder.Write("keys.tsv", "0", "2", "");
        string withBlankKey = folder.Write("keys2.tsv", "1\tx", "\ty");
        var columns = new[] { new TextLoader.Column("Label", DataKind.UInt32, new[] { new TextLoader.Range(0) }, new KeyCount(3)) };
        var view = new MLContext(1).Data.LoadFromTextFile(path, columns);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), view.Schema["Label"].Type);
        // "0" -> 1, "2" -> 3; the blank line is skipped.
        CollectionAssert.AreEqual(new[] { 1u, 3u }, ViewReader.Column<uint>(view, "Label"));
        // An empty key field is the missing key 0.
        CollectionAssert.AreEqual(new[] { 2u, 0u }, ViewReader.Column<uint>(new MLContext(1).Data.LoadFromTextFile(withBlankKey, columns), "Label"));
    }

    [TestMethod]
    public void LoadFromTextFile_KeyValueOutsideTheCount_Throws()
    {
        using var folder = new TempFolder();
        string path = folder.Write("keys.tsv", "3");
        var columns = new[] { new TextLoader.Column("Label", DataKind.UInt32, new[] { new TextLoader.Range(0) }, new KeyCount(3)) };
        var error = Assert.ThrowsExactly<FormatException>(() => ViewReader.Column<uint>(new MLContext(1).Data.LoadFromTextFile(path, columns), "Label"));
        StringAssert.Contains(error.Message, "line 1, column 0");
    }

    [TestMethod]
    public void LoadFromTextFile_Booleans_AcceptMlNetSpellings()
    {
        using var folder = new TempFolder();
        string path = folder.Write("bools.tsv", "true", "0", "Yes", "f", "+1");
        var view = new MLContext(1).Data.LoadFromTextFile(path, new[] { new TextLoader.Column("B", DataKind.Boolean, 0) });
        CollectionAssert.AreEqual(new[] { true, false, true, false, true }, ViewReader.Column<bool>(view, "B"));
    }

    [TestMethod]
    public void LoadFromTextFile_WithAllowSparse_ExpandsIndexValuePairsAfterTheDenseFields()
    {
        using var folder = new TempFolder();
        // Two dense fields, then a 5-field sparse section: fields 2 and 4 of it are 6 and 3.
        string path = folder.Write("sparse.txt", "1 2 5 2:6 4:3");
        var view = new MLContext(1).Data.LoadFromTextFile(path,
            new[] { new TextLoader.Column("All", DataKind.Single, 0, 6) }, separatorChar: ' ', allowSparse: true);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 0f, 0f, 6f, 0f, 3f }, ViewReader.Vectors<float>(view, "All")[0]);
    }

    [TestMethod]
    public void Load_OfAMissingFile_ThrowsFileNotFound()
    {
        var loader = new MLContext(1).Data.CreateTextLoader(PeopleColumns);
        Assert.ThrowsExactly<FileNotFoundException>(() => loader.Load(Path.Combine(Path.GetTempPath(), "no-such-file-h2.tsv")));
    }

    [TestMethod]
    public void Cursor_PositionCountsRowsAndIdIsTheLineNumber()
    {
        using var folder = new TempFolder();
        string path = folder.Write("people.csv", "id,name,score,tag", "1,a,1,x", "", "2,b,2,y");
        var view = LoadPeople(path);
        using var cursor = view.GetRowCursor(new[] { view.Schema["Id"] });
        var id = cursor.GetIdGetter();
        var lines = new List<ulong>();
        while (cursor.MoveNext())
        {
            DataViewRowId rowId = default;
            id(ref rowId);
            lines.Add(rowId.Low);
            Assert.AreEqual(lines.Count - 1, cursor.Position);
        }
        CollectionAssert.AreEqual(new ulong[] { 2, 4 }, lines);
        Assert.AreEqual(-1, cursor.Position);
    }

    private sealed class Review
    {
        [LoadColumn(0)]
        public bool Sentiment { get; set; }

        [LoadColumn(1), ColumnName("Text")]
        public string Sentence { get; set; } = "";

        [LoadColumn(2, 4), VectorType(3)]
        public float[] Features { get; set; } = Array.Empty<float>();

        [LoadColumn(5), KeyType(4)]
        public uint Rating { get; set; }

        [NoColumn]
        public string Ignored { get; set; } = "";
    }

    private sealed class Unannotated
    {
        public float Value { get; set; }
    }

    [TestMethod]
    public void LoadFromTextFileOfT_TakesColumnsFromLoadColumnAttributes()
    {
        using var folder = new TempFolder();
        string path = folder.Write("reviews.tsv", "sentiment\ttext\ta\tb\tc\trating", "1\tgreat movie\t0.5\t1\t2\t3", "0\tdull\t4\t5\t6\t0");
        var view = new MLContext(1).Data.LoadFromTextFile<Review>(path, hasHeader: true);
        CollectionAssert.AreEqual(new[] { "Sentiment", "Text", "Features", "Rating" }, view.Schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), view.Schema["Features"].Type);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 4), view.Schema["Rating"].Type);
        CollectionAssert.AreEqual(new[] { true, false }, ViewReader.Column<bool>(view, "Sentiment"));
        CollectionAssert.AreEqual(new[] { "great movie", "dull" }, ViewReader.Text(view, "Text"));
        CollectionAssert.AreEqual(new[] { 0.5f, 1f, 2f }, ViewReader.Vectors<float>(view, "Features")[0]);
        CollectionAssert.AreEqual(new[] { 4u, 1u }, ViewReader.Column<uint>(view, "Rating"));
    }

    [TestMethod]
    public void LoadFromTextFile_WithHeader_NamesVectorSlotsFromTheHeader()
    {
        using var folder = new TempFolder();
        string path = folder.Write("reviews.tsv", "sentiment\ttext\ta\tb\tc\trating", "1\tgreat movie\t0.5\t1\t2\t3");
        var features = new MLContext(1).Data.LoadFromTextFile<Review>(path, hasHeader: true).Schema["Features"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        features.GetSlotNames(ref names);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    [TestMethod]
    public void LoadFromTextFileOfT_MemberWithoutLoadColumn_Throws()
    {
        using var folder = new TempFolder();
        string path = folder.Write("values.tsv", "1");
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new MLContext(1).Data.LoadFromTextFile<Unannotated>(path));
        StringAssert.Contains(error.Message, "Unannotated.Value has no [LoadColumn] attribute");
    }
}
