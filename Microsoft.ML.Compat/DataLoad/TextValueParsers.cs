using System.Globalization;
using System.Numerics;

namespace Microsoft.ML.Data;

/// <summary>Parses one text field into a value; false when the text is not a valid value.</summary>
internal delegate bool TextValueParser<T>(ReadOnlySpan<char> text, out T value);

/// <summary>
/// Field parsers for every loadable item kind, using the invariant culture. Empty fields are missing values:
/// NaN for floating-point kinds (as are "?" and "NaN"), the default value for the other kinds.
/// </summary>
internal static class TextValueParsers
{
    private static readonly string[] TrueWords = { "true", "t", "yes", "y", "1", "+1" };
    private static readonly string[] FalseWords = { "false", "f", "no", "n", "0", "-1" };

    private static readonly Dictionary<Type, Delegate> Parsers = new()
    {
        [typeof(sbyte)] = Integer<sbyte>(),
        [typeof(byte)] = Integer<byte>(),
        [typeof(short)] = Integer<short>(),
        [typeof(ushort)] = Integer<ushort>(),
        [typeof(int)] = Integer<int>(),
        [typeof(uint)] = Integer<uint>(),
        [typeof(long)] = Integer<long>(),
        [typeof(ulong)] = Integer<ulong>(),
        [typeof(float)] = Real<float>(),
        [typeof(double)] = Real<double>(),
        [typeof(bool)] = new TextValueParser<bool>(TryParseBoolean),
        [typeof(TimeSpan)] = Empty(new TextValueParser<TimeSpan>((ReadOnlySpan<char> s, out TimeSpan v) => TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out v))),
        [typeof(DateTime)] = Empty(new TextValueParser<DateTime>((ReadOnlySpan<char> s, out DateTime v) => DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out v))),
        [typeof(DateTimeOffset)] = Empty(new TextValueParser<DateTimeOffset>((ReadOnlySpan<char> s, out DateTimeOffset v) => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out v))),
    };

    /// <summary>The parser of a non-text, non-key item type.</summary>
    public static TextValueParser<T> For<T>() =>
        Parsers.TryGetValue(typeof(T), out var parser) && parser is TextValueParser<T> typed
            ? typed
            : throw new NotSupportedException($"Values of type {typeof(T).Name} cannot be parsed from text.");

    /// <summary>A key parser: the file holds 0-based keys below <paramref name="count"/>, memory holds them 1-based;
    /// an empty field is the missing key 0.</summary>
    public static TextValueParser<T> Key<T>(ulong count) where T : struct, IBinaryInteger<T>
    {
        return (ReadOnlySpan<char> text, out T value) =>
        {
            value = T.Zero;
            if (text.IsEmpty)
                return true;
            if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong raw) || raw >= count)
                return false;
            value = T.CreateChecked(raw + 1);
            return true;
        };
    }

    private static TextValueParser<T> Integer<T>() where T : IBinaryInteger<T> =>
        Empty((ReadOnlySpan<char> text, out T value) =>
            T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value!));

    private static TextValueParser<T> Real<T>() where T : IFloatingPointIeee754<T>
    {
        return (ReadOnlySpan<char> text, out T value) =>
        {
            if (text.IsEmpty || text is "?")
            {
                value = T.NaN;
                return true;
            }
            return T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value!);
        };
    }

    /// <summary>Wraps <paramref name="parser"/> so that an empty field yields the default value.</summary>
    private static TextValueParser<T> Empty<T>(TextValueParser<T> parser)
    {
        return (ReadOnlySpan<char> text, out T value) =>
        {
            if (text.IsEmpty)
            {
                value = default!;
                return true;
            }
            return parser(text, out value);
        };
    }

    /// <summary>ML.NET's boolean spellings: true/false, t/f, yes/no, y/n, 1/0, +1/-1 (case-insensitive).</summary>
    private static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        value = false;
        if (text.IsEmpty)
            return true;
        foreach (var word in TrueWords)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                value = true;
                return true;
            }
        }
        foreach (var word in FalseWords)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
