namespace Microsoft.ML.Tokenizers;

/// <summary>
/// A WordPiece vocabulary read from a <c>vocab.txt</c>: one token per line, the id is the 0-based line
/// number (an empty line is skipped but still uses up its number; a later duplicate wins, as in the
/// Hugging Face loader). Lookups take spans so that encoding allocates no strings.
/// </summary>
internal sealed class WordPieceVocabulary
{
    private readonly Dictionary<string, int> _tokens;
    private readonly Dictionary<string, int> _continuations;
    private readonly string?[] _idToToken;

    private WordPieceVocabulary(string?[] idToToken, string continuingSubwordPrefix)
    {
        _idToToken = idToToken;
        _tokens = new Dictionary<string, int>(idToToken.Length, StringComparer.Ordinal);
        _continuations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < idToToken.Length; id++)
        {
            string? token = idToToken[id];
            if (token is null) continue;
            _tokens[token] = id;
            MaxTokenLength = Math.Max(MaxTokenLength, token.Length);
            if (continuingSubwordPrefix.Length > 0 && token.StartsWith(continuingSubwordPrefix, StringComparison.Ordinal))
            {
                // Continuation pieces are stored without their prefix, so "aff" of "unaffable" is looked up as is.
                string rest = token[continuingSubwordPrefix.Length..];
                _continuations[rest] = id;
                MaxContinuationLength = Math.Max(MaxContinuationLength, rest.Length);
            }
        }
        Starts = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        Continuations = _continuations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every token, looked up by span (a word's first piece).</summary>
    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Starts { get; }

    /// <summary>Continuation tokens without their prefix, looked up by span.</summary>
    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Continuations { get; }

    public int MaxTokenLength { get; }
    public int MaxContinuationLength { get; }

    /// <summary>Number of ids (lines of the file, including skipped empty lines).</summary>
    public int Count => _idToToken.Length;

    public IReadOnlyDictionary<string, int> Tokens => _tokens;

    /// <summary>The vocabulary as file lines (an empty line for an id without token), for saving.</summary>
    public string[] ToLines() => Array.ConvertAll(_idToToken, token => token ?? "");

    public string? TokenOf(int id) => (uint)id < (uint)_idToToken.Length ? _idToToken[id] : null;

    public static WordPieceVocabulary Load(Stream stream, string sourceName, string continuingSubwordPrefix)
    {
        var tokens = new List<string?>(32_000);
        using var reader = new StreamReader(stream, leaveOpen: true);
        while (reader.ReadLine() is { } line)
            tokens.Add(line.Length == 0 ? null : line);
        if (tokens.TrueForAll(t => t is null))
            throw new InvalidDataException($"Vocabulary '{sourceName}' holds no tokens.");
        return new WordPieceVocabulary(tokens.ToArray(), continuingSubwordPrefix);
    }

    /// <summary>The id of <paramref name="token"/>, or an exception naming the vocabulary and the option.</summary>
    public int RequireId(string token, string sourceName, string optionName) =>
        _tokens.TryGetValue(token, out int id)
            ? id
            : throw new InvalidDataException($"Vocabulary '{sourceName}' has no entry for {optionName} '{token}'.");
}
