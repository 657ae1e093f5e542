using System.Globalization;

namespace Microsoft.ML.Experiments.Configuration;

/// <summary>Turns flag and YAML text into option values of the member's type: numbers in the invariant culture,
/// booleans, enums by name (case and dashes ignored), nullable values ("none"/"null" for null) and comma-separated arrays.</summary>
public static class ValueText
{
    public static object? Parse(Type type, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return IsNull(text) ? null : Parse(inner, text);
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var parts = text.Length == 0 ? [] : text.Split(',');
            var array = Array.CreateInstance(element, parts.Length);
            for (int i = 0; i < parts.Length; i++)
                array.SetValue(Parse(element, parts[i]), i);
            return array;
        }
        if (type == typeof(string)) return text;
        if (type == typeof(int)) return ParseInt(text);
        if (type == typeof(float)) return (float)ParseDouble(text);
        if (type == typeof(double)) return ParseDouble(text);
        if (type == typeof(bool)) return ParseBool(text);
        if (type.IsEnum) return ParseEnum(type, text);
        throw new ArgumentException($"Options of type {type.Name} cannot be set from text.");
    }

    public static int ParseInt(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"'{text}' is not an integer.");

    public static double ParseDouble(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"'{text}' is not a number.");

    public static bool ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw new FormatException($"'{text}' is not true or false."),
    };

    private static object ParseEnum(Type type, string text)
    {
        string wanted = Simplify(text);
        foreach (string name in Enum.GetNames(type))
            if (Simplify(name) == wanted)
                return Enum.Parse(type, name);
        throw new FormatException($"'{text}' is not one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))}.");
    }

    private static string Simplify(string name) => name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static bool IsNull(string text) => text.Length == 0 || text is "none" or "null" or "~";
}
