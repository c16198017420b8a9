using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace AlertWorker.Matching;

/// <summary>Turns feed HTML (or plain text with entities) into plain text.</summary>
public static class HtmlText
{
    private static readonly FrozenSet<string> BlockTags = new[]
    {
        "address", "article", "aside", "audio", "blockquote", "body", "br", "button", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "li", "main", "meta", "nav",
        "ol", "option", "p", "pre", "section", "select", "source", "summary", "table", "tbody", "td", "textarea",
        "tfoot", "th", "thead", "title", "tr", "ul", "video",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Strips tags, drops <c>&lt;script&gt;</c>/<c>&lt;style&gt;</c> contents and comments, decodes entities
    /// (named and numeric), removes soft hyphens and collapses whitespace to single spaces (trimmed).
    /// </summary>
    /// <remarks>
    /// Block-level tags and <c>&lt;br&gt;</c> separate words; inline tags (<c>&lt;em&gt;</c>, <c>&lt;b&gt;</c>,
    /// <c>&lt;a&gt;</c>, <c>&lt;span&gt;</c>…) are removed without a break, so <c>cease&lt;b&gt;fire&lt;/b&gt;</c>
    /// reads <c>ceasefire</c>. A <c>&lt;</c> that does not start a tag is kept as text. Never throws.
    /// </remarks>
    /// <param name="html">The HTML; null reads as empty.</param>
    /// <returns>The plain text, never null.</returns>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = html.Contains('<', StringComparison.Ordinal) ? StripTags(html) : html;
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        return CollapseWhitespace(text);
    }

    private static string StripTags(string html)
    {
        var builder = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length || !StartsTag(html[i + 1]))
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var end = FindTagEnd(html, i + 1);
            if (end < 0)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var isClosing = html[i + 1] == '/';
            var nameStart = isClosing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < end && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            i = end + 1;
            if (!isClosing && (name.Equals("script", StringComparison.OrdinalIgnoreCase)
                || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var close = html.IndexOf("</" + name.ToString(), i, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
                builder.Append(' ');
            }
            else if (BlockTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static bool StartsTag(char c) => char.IsAsciiLetter(c) || c is '/' or '!' or '?';

    private static int FindTagEnd(string html, int from)
    {
        var quote = '\0';
        var previous = '\0';
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && previous == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j;
            }

            if (!char.IsWhiteSpace(c))
            {
                previous = c;
            }
        }

        return -1;
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c == '\u00AD')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
