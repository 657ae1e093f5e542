using System.Text;

namespace Microsoft.ML.Data;

/// <summary>
/// Splits one line of delimited text into fields. With quoting allowed, a field that starts with a double quote
/// runs to the matching closing quote (separators inside are kept; "" stands for one quote) and must be followed
/// by a separator or the end of the line. Fields are slices of the line unless they contain escaped quotes.
/// </summary>
internal sealed class TextFieldSplitter
{
    private const char Quote = '"';
    private readonly char _separator;
    private readonly bool _allowQuoting;
    private readonly bool _trimWhitespace;

    public TextFieldSplitter(char separator, bool allowQuoting, bool trimWhitespace)
    {
        if (allowQuoting && separator == Quote)
            throw new ArgumentException("The separator cannot be the quote character when quoting is allowed.", nameof(separator));
        _separator = separator;
        _allowQuoting = allowQuoting;
        _trimWhitespace = trimWhitespace;
    }

    /// <summary>Replaces the contents of <paramref name="fields"/> with the fields of <paramref name="line"/>.</summary>
    /// <exception cref="FormatException">An unterminated quote or text after a closing quote.</exception>
    public void Split(string line, List<ReadOnlyMemory<char>> fields, TextLocation location)
    {
        fields.Clear();
        var memory = line.AsMemory();
        int position = 0;
        while (true)
        {
            int start = position;
            if (_trimWhitespace)
                while (start < line.Length && line[start] != _separator && char.IsWhiteSpace(line[start]))
                    start++;

            if (_allowQuoting && start < line.Length && line[start] == Quote)
                position = ReadQuoted(line, start, fields, location);
            else
            {
                int end = line.IndexOf(_separator, start);
                position = end < 0 ? line.Length : end;
                fields.Add(Trim(memory[start..position]));
            }

            if (position >= line.Length)
                return;
            position++; // step over the separator
        }
    }

    /// <summary>Reads the quoted field starting at <paramref name="start"/>; returns the position after it.</summary>
    private int ReadQuoted(string line, int start, List<ReadOnlyMemory<char>> fields, TextLocation location)
    {
        StringBuilder? unescaped = null;
        int segmentStart = start + 1;
        int i = segmentStart;
        while (true)
        {
            int quote = line.IndexOf(Quote, i);
            if (quote < 0)
                throw location.Error(fields.Count, $"the quoted field starting at character {start + 1} has no closing quote");
            if (quote + 1 < line.Length && line[quote + 1] == Quote)
            {
                unescaped ??= new StringBuilder();
                unescaped.Append(line, segmentStart, quote + 1 - segmentStart);
                i = segmentStart = quote + 2;
                continue;
            }

            var value = unescaped is null
                ? line.AsMemory(segmentStart, quote - segmentStart)
                : unescaped.Append(line, segmentStart, quote - segmentStart).ToString().AsMemory();
            int after = quote + 1;
            if (_trimWhitespace)
                while (after < line.Length && line[after] != _separator && char.IsWhiteSpace(line[after]))
                    after++;
            if (after < line.Length && line[after] != _separator)
                throw location.Error(fields.Count, $"unexpected character '{line[after]}' after the closing quote of a quoted field");
            fields.Add(value);
            return after;
        }
    }

    private ReadOnlyMemory<char> Trim(ReadOnlyMemory<char> field) => _trimWhitespace ? field.Trim() : field;
}

/// <summary>A line of a text file, for error messages that name the file, line and column.</summary>
internal readonly record struct TextLocation(string Path, long Line)
{
    /// <summary>A format error at 0-based source column <paramref name="column"/> (the index used by LoadColumn).</summary>
    public FormatException Error(int column, string message) =>
        new($"Text file '{Path}', line {Line}, column {column}: {message}.");

    /// <summary>A format error about the line as a whole.</summary>
    public FormatException Error(string message) =>
        new($"Text file '{Path}', line {Line}: {message}.");
}
