using System.Globalization;

namespace Microsoft.ML.Data;

/// <summary>
/// Expands ML.NET's sparse text rows in place: dense fields, then the size of the sparse section, then
/// "index:value" pairs whose indices count from the start of that section. "1 2 5 2:6 4:3" becomes
/// 1 2 0 0 6 0 3. A line without any "index:value" field is left as it is.
/// </summary>
internal static class SparseFieldExpander
{
    private static readonly ReadOnlyMemory<char> Zero = "0".AsMemory();

    public static void Expand(List<ReadOnlyMemory<char>> fields, TextLocation location)
    {
        int firstPair = fields.FindIndex(f => f.Span.Contains(':'));
        if (firstPair < 0)
            return;
        int sizeColumn = firstPair - 1;
        if (sizeColumn < 0 || !int.TryParse(fields[sizeColumn].Span, NumberStyles.None, CultureInfo.InvariantCulture, out int size))
            throw location.Error(Math.Max(sizeColumn, 0), "a sparse section must start with the number of fields it holds");

        var pairs = fields.GetRange(firstPair, fields.Count - firstPair);
        fields.RemoveRange(sizeColumn, fields.Count - sizeColumn);
        fields.AddRange(Enumerable.Repeat(Zero, size));
        for (int i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i].Span;
            int colon = pair.IndexOf(':');
            if (colon < 0 || !int.TryParse(pair[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= size)
                throw location.Error(firstPair + i, $"'{pairs[i]}' is not a sparse 'index:value' pair with an index below {size}");
            fields[sizeColumn + index] = pairs[i][(colon + 1)..];
        }
    }
}
