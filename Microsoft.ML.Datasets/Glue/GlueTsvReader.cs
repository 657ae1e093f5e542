using System.Globalization;

namespace Microsoft.ML.Datasets;

/// <summary>
/// Reads GLUE's TSV files: tab-separated, no quoting (quote characters are text), UTF-8 with or
/// without a byte-order mark, the last line with or without a newline. Every row must have as many fields
/// as the header; a row that does not throws naming the file and line.
/// </summary>
internal static class GlueTsvReader
{
    public static GlueTable Read(string path, GlueFormat format, GlueSplit split)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int lineNumber = 0;
        string[]? header = format.ImpliedHeader(split);
        if (header is null)
        {
            string headerLine = reader.ReadLine() ?? throw new InvalidDataException($"'{path}' is empty; expected a header line.");
            lineNumber = 1;
            header = headerLine.Split('\t');
        }

        bool labelled = split != GlueSplit.Test;
        int sentence1 = Column(header, format.Sentence1, path);
        int sentence2 = format.Sentence2 is null ? -1 : Column(header, format.Sentence2, path);
        int label = labelled && format.Label is not null ? Column(header, format.Label, path) : -1;

        var first = new List<string>();
        var second = format.HasPair ? new List<string>() : null;
        var labels = label >= 0 && !format.ScoreLabel ? new List<string>() : null;
        var scores = label >= 0 && format.ScoreLabel ? new List<float>() : null;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            string[] fields = line.Split('\t');
            if (fields.Length != header.Length)
                throw new InvalidDataException(
                    $"'{path}' line {lineNumber}: expected {header.Length} tab-separated fields ({string.Join(", ", header)}), found {fields.Length}.");
            first.Add(fields[sentence1]);
            second?.Add(fields[sentence2]);
            labels?.Add(fields[label]);
            if (scores is not null)
            {
                if (!float.TryParse(fields[label], NumberStyles.Float, CultureInfo.InvariantCulture, out float score))
                    throw new InvalidDataException($"'{path}' line {lineNumber}, column '{header[label]}': '{fields[label]}' is not a number.");
                scores.Add(score);
            }
        }
        return new GlueTable(first.ToArray(), second?.ToArray(), labels?.ToArray(), scores?.ToArray());
    }

    private static int Column(string[] header, string name, string path)
    {
        int index = Array.IndexOf(header, name);
        return index >= 0
            ? index
            : throw new InvalidDataException($"'{path}': the header has no column '{name}' (columns: {string.Join(", ", header)}).");
    }
}
