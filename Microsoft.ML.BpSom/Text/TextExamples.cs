using Microsoft.ML.Data;

namespace Microsoft.ML.BpSom;

/// <summary>A labelled text data set read into memory: the sentences (and second sentences) and each row's 0-based class.</summary>
internal sealed class TextExamples
{
    public TextExamples(string[] first, string[]? second, int[] classes)
    {
        if (second is not null && second.Length != first.Length) throw new ArgumentException("Both sentence columns need one value per row.", nameof(second));
        if (classes.Length != first.Length) throw new ArgumentException("Every row needs a class.", nameof(classes));
        First = first;
        Second = second;
        Classes = classes;
    }

    public string[] First { get; }
    public string[]? Second { get; }
    public int[] Classes { get; }
    public int Count => First.Length;

    /// <summary>Reads the text column(s) and a label that is a key (class = key − 1) or a Boolean (class 1 = true).
    /// A missing key, or an empty or whitespace text, throws naming the data set, row and column.</summary>
    public static TextExamples Read(IDataView data, string role, string sentenceColumn, string? secondSentenceColumn, string labelColumn,
        CancellationToken cancellation)
    {
        var schema = data.Schema;
        var sentence = TextColumn(schema, sentenceColumn, role);
        var secondSentence = secondSentenceColumn is null ? (DataViewSchema.Column?)null : TextColumn(schema, secondSentenceColumn, role);
        var label = schema.GetColumnOrNull(labelColumn)
            ?? throw new ArgumentException($"The {role} data has no label column '{labelColumn}'.", nameof(data));
        var columns = new List<DataViewSchema.Column> { sentence, label };
        if (secondSentence is { } s) columns.Add(s);
        var first = new List<string>();
        var second = secondSentence is null ? null : new List<string>();
        var classes = new List<int>();
        using var cursor = data.GetRowCursor(columns);
        var getFirst = cursor.GetGetter<ReadOnlyMemory<char>>(sentence);
        var getSecond = secondSentence is { } column ? cursor.GetGetter<ReadOnlyMemory<char>>(column) : null;
        var getClass = ClassGetter(cursor, label, role);
        ReadOnlyMemory<char> text = default;
        for (long row = 0; cursor.MoveNext(); row++)
        {
            if ((row & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            getFirst(ref text);
            first.Add(CheckedText(text, row, sentenceColumn, role));
            if (getSecond is not null)
            {
                getSecond(ref text);
                second!.Add(CheckedText(text, row, secondSentenceColumn!, role));
            }
            classes.Add(getClass(row));
        }
        if (first.Count == 0) throw new ArgumentException($"The {role} data has no rows.", nameof(data));
        return new TextExamples(first.ToArray(), second?.ToArray(), classes.ToArray());
    }

    /// <summary>The text of a row, or an exception naming the row and column when it is empty or whitespace
    /// (BERT would see only [CLS] [SEP], so it is almost certainly a reading error).</summary>
    public static string CheckedText(ReadOnlyMemory<char> text, long row, string column, string role)
    {
        if (text.Span.IsWhiteSpace())
            throw new InvalidDataException($"Row {row} of the {role} data has an empty or whitespace text in column '{column}'.");
        return text.ToString();
    }

    /// <summary>The number of classes the label column defines: its key count, or 2 for a Boolean.</summary>
    public static int ClassCountOf(DataViewSchema.Column label) => label.Type switch
    {
        KeyDataViewType key => checked((int)key.Count),
        BooleanDataViewType => 2,
        _ => throw new ArgumentException($"The label column '{label.Name}' is {label.Type}; the text classifier needs a key (MapValueToKey) or a Boolean."),
    };

    private static DataViewSchema.Column TextColumn(DataViewSchema schema, string name, string role)
    {
        var column = schema.GetColumnOrNull(name) ?? throw new ArgumentException($"The {role} data has no text column '{name}'.");
        if (column.Type is not TextDataViewType)
            throw new ArgumentException($"Column '{name}' of the {role} data is {column.Type}; the text classifier needs String (text).");
        return column;
    }

    private static Func<long, int> ClassGetter(DataViewRowCursor cursor, DataViewSchema.Column label, string role)
    {
        if (label.Type is BooleanDataViewType)
        {
            var getBool = cursor.GetGetter<bool>(label);
            bool flag = false;
            return _ =>
            {
                getBool(ref flag);
                return flag ? 1 : 0;
            };
        }
        int count = ClassCountOf(label);
        var getKey = cursor.GetGetter<uint>(label);
        uint key = 0;
        return row =>
        {
            getKey(ref key);
            if (key == 0 || key > count)
                throw new InvalidDataException($"Row {row} of the {role} data has label key {key} in column '{label.Name}', outside the {count} trained classes (1..{count}; 0 is a missing value).");
            return (int)key - 1;
        };
    }
}
