namespace Microsoft.ML.Tokenizers;

/// <summary>
/// BERT's "basic tokenizer" in a single pass over the input: it writes the normalized text and its words
/// into a <see cref="WordList"/> without allocating, remembering for every character where in the input it
/// came from. The steps follow google-research/bert: delete NUL, U+FFFD and control characters; map
/// whitespace to spaces; surround CJK ideographs with spaces; lowercase; decompose (NFD) and drop
/// non-spacing marks; split on whitespace; make each punctuation character a word.
/// </summary>
internal static class TextSplitter
{
    public static void Split(ReadOnlySpan<char> text, in PreTokenizerSettings settings, WordList words)
    {
        words.Clear();
        Span<int> parts = stackalloc int[UnicodeText.MaxDecompositionLength];
        var specials = settings.SpecialTokens;
        int nextSpecial = specials?.NextCandidate(text, 0) ?? text.Length;
        int i = 0;
        while (i < text.Length)
        {
            if (i >= nextSpecial)
            {
                if (specials!.TryMatch(text, i, out string token, out int id))
                {
                    words.AppendSpecial(token, id, i);
                    i += token.Length;
                    nextSpecial = specials.NextCandidate(text, i);
                    continue;
                }
                nextSpecial = specials.NextCandidate(text, i + 1);
            }

            int start = i;
            int codePoint = ReadCodePoint(text, ref i);
            if (settings.Clean && (codePoint is 0 or 0xFFFD || UnicodeText.IsControl(codePoint)))
                continue;

            if (UnicodeText.IsWhitespace(codePoint))
            {
                Space(settings.Clean ? ' ' : codePoint, start, i, settings, words);
                continue;
            }

            if (settings.IsolateCjk && UnicodeText.IsCjkIdeograph(codePoint))
            {
                Space(' ', start, start, settings, words);
                words.AppendToWord(codePoint, start, i);
                Space(' ', i, i, settings, words);
                continue;
            }

            if (settings.Lowercase) codePoint = UnicodeText.ToLower(codePoint);
            if (!settings.StripAccents || codePoint < 0xC0)
            {
                Emit(codePoint, start, i, settings, words);
                continue;
            }
            int count = UnicodeText.Decompose(codePoint, parts);
            for (int p = 0; p < count; p++)
            {
                if (!UnicodeText.IsNonSpacingMark(parts[p])) Emit(parts[p], start, i, settings, words);
            }
        }
        words.EndWord();
    }

    // A space ends the current word, unless pre-tokenization is off and the whole text is one word.
    private static void Space(int codePoint, int start, int end, in PreTokenizerSettings settings, WordList words)
    {
        if (settings.SplitOnWhitespace) words.AppendSeparator(start, end);
        else words.AppendToWord(codePoint, start, end);
    }

    private static void Emit(int codePoint, int start, int end, in PreTokenizerSettings settings, WordList words)
    {
        if (settings.SplitOnPunctuation && UnicodeText.IsPunctuation(codePoint)) words.AppendIsolated(codePoint, start, end);
        else words.AppendToWord(codePoint, start, end);
    }

    private static int ReadCodePoint(ReadOnlySpan<char> text, ref int index)
    {
        char c = text[index++];
        if (char.IsHighSurrogate(c) && index < text.Length && char.IsLowSurrogate(text[index]))
            return char.ConvertToUtf32(c, text[index++]);
        return c;
    }
}
