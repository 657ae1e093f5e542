using System.Globalization;
using System.Text;

namespace Microsoft.ML.Tokenizers;

/// <summary>
/// The character classes of BERT's basic tokenizer (as in the original google-research/bert code and
/// Hugging Face's BasicTokenizer), over Unicode code points, plus accent stripping (NFD, then drop
/// non-spacing marks) that works without ICU.
/// </summary>
internal static class UnicodeText
{
    /// <summary>Space, tab, newline, carriage return, or any space separator (Zs).</summary>
    public static bool IsWhitespace(int codePoint) =>
        codePoint is ' ' or '\t' or '\n' or '\r' ||
        (codePoint > 0x7F && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.SpaceSeparator);

    /// <summary>Any "Other" category (Cc, Cf, Cs, Co, Cn) except tab, newline and carriage return,
    /// which BERT treats as whitespace. Such characters are deleted by text cleaning.</summary>
    public static bool IsControl(int codePoint)
    {
        if (codePoint is '\t' or '\n' or '\r') return false;
        if (codePoint < 0x20 || codePoint == 0x7F) return true;
        if (codePoint < 0x7F) return false;
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
    }

    /// <summary>Every ASCII non-alphanumeric printable symbol (BERT counts <c>$ + &lt; = &gt; ^ ` |</c>
    /// as punctuation although Unicode does not) and every Unicode punctuation category (P*).</summary>
    public static bool IsPunctuation(int codePoint)
    {
        if (codePoint is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126) return true;
        if (codePoint < 0x80) return false;
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>The CJK Unified Ideographs blocks BERT splits into single-character tokens
    /// (not Hiragana, Katakana or Hangul, which are written with spaces or tokenized as words).</summary>
    public static bool IsCjkIdeograph(int codePoint) =>
        codePoint is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF
            or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF
            or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;

    /// <summary>True for non-spacing marks (Mn), the accents that stripping removes after NFD.</summary>
    public static bool IsNonSpacingMark(int codePoint) =>
        codePoint >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.NonSpacingMark;

    /// <summary>Appends the canonical decomposition (NFD) of one code point to <paramref name="output"/>
    /// as code points, and returns how many were written (1 when the code point does not decompose).
    /// <paramref name="output"/> must have room for 4 code points, the longest decomposition.</summary>
    public static int Decompose(int codePoint, Span<int> output)
    {
        if (codePoint < 0xC0)
        {
            output[0] = codePoint;
            return 1;
        }
        if (codePoint is >= HangulFirst and <= HangulLast) return DecomposeHangul(codePoint, output);
        if (!Decompositions.Value.TryGetValue(codePoint, out int[]? parts))
        {
            output[0] = codePoint;
            return 1;
        }
        parts.CopyTo(output);
        return parts.Length;
    }

    public const int MaxDecompositionLength = 4;

    // Hangul syllables decompose by arithmetic (Unicode standard, section 3.12).
    private const int HangulFirst = 0xAC00, HangulLast = 0xD7A3;
    private const int LeadBase = 0x1100, VowelBase = 0x1161, TrailBase = 0x11A7;
    private const int VowelCount = 21, TrailCount = 28;

    private static int DecomposeHangul(int codePoint, Span<int> output)
    {
        int index = codePoint - HangulFirst;
        output[0] = LeadBase + index / (VowelCount * TrailCount);
        output[1] = VowelBase + index % (VowelCount * TrailCount) / TrailCount;
        int trail = index % TrailCount;
        if (trail == 0) return 2;
        output[2] = TrailBase + trail;
        return 3;
    }

    private static readonly Lazy<Dictionary<int, int[]>> Decompositions = new(ParseDecompositions);

    private static Dictionary<int, int[]> ParseDecompositions()
    {
        var map = new Dictionary<int, int[]>();
        foreach (var line in CanonicalDecompositions.Table.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (trimmed.IsEmpty) continue;
            int count = trimmed.Count(' ');
            var parts = new int[count];
            var fields = trimmed.Split(' ');
            fields.MoveNext();
            int key = int.Parse(trimmed[fields.Current], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            for (int i = 0; i < count && fields.MoveNext(); i++)
                parts[i] = int.Parse(trimmed[fields.Current], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            map.Add(key, parts);
        }
        return map;
    }

    /// <summary>Lowercases one code point with the invariant simple case mapping.</summary>
    public static int ToLower(int codePoint)
    {
        if (codePoint < 0x80) return codePoint is >= 'A' and <= 'Z' ? codePoint | 0x20 : codePoint;
        return Rune.ToLowerInvariant(new Rune(codePoint)).Value;
    }
}
