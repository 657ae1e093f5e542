using System.Buffers;

namespace Microsoft.ML.Tokenizers;

/// <summary>Finds special tokens (such as <c>[SEP]</c>) in raw input text, longest first, so that they
/// are kept whole instead of being lowercased and split on punctuation.</summary>
internal sealed class SpecialTokenMatcher
{
    private readonly (string Token, int Id)[] _tokens;
    private readonly SearchValues<char> _firstChars;

    public SpecialTokenMatcher(IReadOnlyDictionary<string, int> tokens)
    {
        _tokens = tokens.Where(t => t.Key.Length > 0)
            .Select(t => (t.Key, t.Value))
            .OrderByDescending(t => t.Key.Length)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToArray();
        _firstChars = SearchValues.Create(_tokens.Select(t => t.Token[0]).Distinct().ToArray());
    }

    /// <summary>Where the next special token could start at or after <paramref name="position"/> (a position
    /// holding one of their first characters), or the text length; lets callers skip ahead without testing
    /// every character.</summary>
    public int NextCandidate(ReadOnlySpan<char> text, int position)
    {
        int offset = text[position..].IndexOfAny(_firstChars);
        return offset < 0 ? text.Length : position + offset;
    }

    /// <summary>True when a special token starts at <paramref name="position"/>.</summary>
    public bool TryMatch(ReadOnlySpan<char> text, int position, out string token, out int id)
    {
        if (_firstChars.Contains(text[position]))
        {
            var rest = text[position..];
            foreach (var (candidate, candidateId) in _tokens)
            {
                if (rest.StartsWith(candidate, StringComparison.Ordinal))
                {
                    token = candidate;
                    id = candidateId;
                    return true;
                }
            }
        }
        token = "";
        id = -1;
        return false;
    }
}
