using System.Globalization;
using System.Text;

namespace AlertWorker.Matching;

/// <summary>
/// Turns text into normalised words; the same rules apply to queries and to items.
/// </summary>
/// <remarks>
/// A word is a run of letters, digits and combining marks; soft hyphens and zero-width joiners inside it are
/// dropped. Everything else (spaces, punctuation, every dash, apostrophes) separates words. A word is normalised
/// with NFKC, lower-cased, stripped of accents (NFD, drop non-spacing marks, NFC). A lone <c>s</c> right after an
/// in-word apostrophe (<c>Israel’s</c>) is a possessive and is dropped, so <c>Israel’s</c> reads <c>israel</c>.
/// </remarks>
internal static class TextNormalizer
{
    /// <summary>Splits <paramref name="text"/> into normalised words with their offsets in <paramref name="text"/>.</summary>
    public static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the normalised words of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, List<TextToken> tokens)
    {
        var i = 0;
        var previousRunEnd = -1;
        while (i < text.Length)
        {
            var rune = ReadRune(text, i, out var width);
            if (!CharClass.IsWordRune(rune))
            {
                i += width;
                continue;
            }

            var start = i;
            var hasIgnorable = false;
            var asciiOnly = true;
            while (i < text.Length)
            {
                rune = ReadRune(text, i, out width);
                if (CharClass.IsWordRune(rune))
                {
                    asciiOnly &= rune.IsAscii;
                }
                else if (CharClass.IsIgnorable(rune))
                {
                    hasIgnorable = true;
                }
                else
                {
                    break;
                }

                i += width;
            }

            var end = i;
            var afterApostrophe = start >= 2 && start - 1 == previousRunEnd && CharClass.IsApostrophe(text[start - 1]);
            previousRunEnd = end;
            var run = text.AsSpan(start, end - start);
            if (afterApostrophe && run.Length == 1 && (run[0] == 's' || run[0] == 'S'))
            {
                continue;
            }

            if (asciiOnly && !hasIgnorable)
            {
                tokens.Add(new TextToken(LowerAscii(run), start, end));
                continue;
            }

            AddNormalized(run, start, end, tokens);
        }
    }

    /// <summary>Normalises one word the way <see cref="Tokenize(string)"/> does, without splitting it.</summary>
    public static string NormalizeWord(ReadOnlySpan<char> word)
    {
        var builder = new StringBuilder(word.Length);
        var i = 0;
        while (i < word.Length)
        {
            if (Rune.DecodeFromUtf16(word[i..], out var rune, out var width) != System.Buffers.OperationStatus.Done)
            {
                builder.Append('\uFFFD');
                i += Math.Max(1, width);
                continue;
            }

            if (!CharClass.IsIgnorable(rune))
            {
                builder.Append(word.Slice(i, width));
            }

            i += width;
        }

        var text = builder.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Normalize(NormalizationForm.FormD);
        builder.Clear();
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // Lower-cased again: a capital whose lower case is only reached without its mark (İ → I → i).
                AppendFolded(builder, char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Appends a lower-case letter with its accent-free spelling, where Unicode gives it none by decomposition:
    /// <c>ß</c> is <c>ss</c>, <c>ł</c> is <c>l</c>, <c>ø</c> is <c>o</c>, so <c>Łódź</c> reads <c>lodz</c>.
    /// </summary>
    private static void AppendFolded(StringBuilder builder, char c)
    {
        var folded = c switch
        {
            'ς' => "σ",
            'ß' => "ss",
            'ł' => "l",
            'ø' => "o",
            'đ' or 'ð' => "d",
            'þ' => "th",
            'æ' => "ae",
            'œ' => "oe",
            'ı' => "i",
            'ħ' => "h",
            'ŧ' => "t",
            'ŀ' => "l",
            _ => null,
        };
        if (folded is null)
        {
            builder.Append(c);
        }
        else
        {
            builder.Append(folded);
        }
    }

    private static void AddNormalized(ReadOnlySpan<char> run, int start, int end, List<TextToken> tokens)
    {
        var normalized = NormalizeWord(run);
        var i = 0;
        while (i < normalized.Length)
        {
            var rune = ReadRune(normalized, i, out var width);
            if (!CharClass.IsWordRune(rune))
            {
                i += width;
                continue;
            }

            var wordStart = i;
            while (i < normalized.Length && CharClass.IsWordRune(ReadRune(normalized, i, out width)))
            {
                i += width;
            }

            tokens.Add(new TextToken(normalized[wordStart..i], start, end));
        }
    }

    private static Rune ReadRune(string text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return Rune.ReplacementChar;
        }

        return rune;
    }

    private static string LowerAscii(ReadOnlySpan<char> run)
    {
        var hasUpper = false;
        foreach (var c in run)
        {
            hasUpper |= char.IsAsciiLetterUpper(c);
        }

        if (!hasUpper)
        {
            return run.ToString();
        }

        Span<char> buffer = run.Length <= 128 ? stackalloc char[run.Length] : new char[run.Length];
        run.ToLowerInvariant(buffer);
        return new string(buffer);
    }
}
