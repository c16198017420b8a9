using System.Xml;

namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// Reads a DOCTYPE declaration without processing it: where it ends, and which plain general entities its internal
/// subset declares (a quoted literal of at most <see cref="MaxEntityValueLength"/> characters with no <c>&amp;</c>,
/// <c>%</c> or <c>&lt;</c>). Parameter entities, external (SYSTEM/PUBLIC) entities and entities referring to other
/// entities are passed over, so nothing external is read and nothing can expand recursively.
/// </summary>
internal static class DoctypeScanner
{
    public const int MaxEntityValueLength = 4096;

    /// <summary>
    /// Scans the DOCTYPE that starts at <paramref name="start"/> (at <c>&lt;!DOCTYPE</c>); adds its plain entities to
    /// <paramref name="entities"/> (the first declaration of a name wins) and returns the index just past it.
    /// </summary>
    public static int Scan(string s, int start, Dictionary<string, string> entities)
    {
        var i = start + "<!DOCTYPE".Length;
        char quote = '\0';
        var subsetStart = -1;
        var subsetEnd = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (subsetStart >= 0 && subsetEnd < 0)
            {
                if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '<' && string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
                {
                    var e = s.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = e < 0 ? s.Length : e + 2;
                }
                else if (c == ']')
                {
                    subsetEnd = i;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                subsetStart = i + 1;
            }
            else if (c == '>')
            {
                break;
            }
        }

        var stop = Math.Min(i + 1, s.Length);
        if (subsetStart >= 0)
        {
            ReadInternalEntities(s.AsSpan(subsetStart, (subsetEnd < 0 ? stop : subsetEnd) - subsetStart), entities);
        }

        return stop;
    }

    private static void ReadInternalEntities(ReadOnlySpan<char> subset, Dictionary<string, string> entities)
    {
        var text = subset.ToString();
        var at = 0;
        while ((at = text.IndexOf("<!ENTITY", at, StringComparison.Ordinal)) >= 0)
        {
            at += "<!ENTITY".Length;
            var i = SkipSpace(text, at);
            if (i < text.Length && text[i] == '%')
            {
                continue; // parameter entity: never used
            }

            var nameStart = i;
            while (i < text.Length && (XmlConvert.IsNCNameChar(text[i]) || text[i] == ':'))
            {
                i++;
            }

            var name = text[nameStart..i];
            i = SkipSpace(text, i);
            if (name.Length == 0 || i >= text.Length || (text[i] != '"' && text[i] != '\''))
            {
                continue; // SYSTEM / PUBLIC (external) or malformed: never used
            }

            var close = text.IndexOf(text[i], i + 1);
            if (close < 0)
            {
                break;
            }

            var value = text[(i + 1)..close];
            if (value.Length <= MaxEntityValueLength && value.IndexOfAny(['&', '%', '<']) < 0)
            {
                entities.TryAdd(name, value);
            }

            at = close + 1;
        }
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
