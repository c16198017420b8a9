using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;

namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// Rewrites decoded feed text so that a hardened <see cref="XmlReader"/> (DTDs prohibited, no resolver) can read it
/// and nothing in it can expand:
/// <list type="bullet">
/// <item>The DOCTYPE is removed (replaced by as many newlines as it spanned, so line numbers stay right).
/// External DTDs are never fetched. From its internal subset only plain general entities are kept: a quoted
/// literal of at most <see cref="DoctypeScanner.MaxEntityValueLength"/> characters containing no <c>&amp;</c>, <c>%</c> or
/// <c>&lt;</c>. Parameter entities, external (SYSTEM/PUBLIC) entities and entities referring to other entities are
/// dropped, so XXE and billion laughs have nothing to work with.</item>
/// <item>References to kept entities are inlined as escaped text, at most <see cref="MaxExpansionBudget"/>
/// characters in all (a quadratic blow-up runs out of budget; further references stay literal text).</item>
/// <item>HTML named entities (<c>&amp;eacute;</c>, <c>&amp;nbsp;</c>, as known to <see cref="WebUtility.HtmlDecode(string)"/>)
/// become numeric character references, as RSS 0.91 feeds with the Netscape DOCTYPE expect.</item>
/// <item>Any other entity reference and every bare <c>&amp;</c> become literal text (<c>&amp;amp;</c>);
/// numeric references to characters XML forbids, and such characters themselves, are dropped.</item>
/// </list>
/// Comments, CDATA sections and processing instructions are copied unchanged (apart from forbidden characters).
/// </summary>
internal sealed class XmlTextSanitizer
{
    public const int MaxExpansionBudget = 1 << 20;

    private readonly string _s;
    private readonly StringBuilder _out;
    private readonly Dictionary<string, string> _entities = new(StringComparer.Ordinal);
    private int _budget = MaxExpansionBudget;
    private int _pos;

    private XmlTextSanitizer(string s)
    {
        _s = s;
        _out = new StringBuilder(s.Length + 64);
    }

    /// <summary>Index in the result just after the root element's name, or -1 (for namespace repairs).</summary>
    public int RootNameEnd { get; private set; } = -1;

    public string Result => _out.ToString();

    public static XmlTextSanitizer Sanitize(string text)
    {
        var sanitizer = new XmlTextSanitizer(text);
        sanitizer.Run();
        return sanitizer;
    }

    private void Run()
    {
        // Leading whitespace/BOM/junk before the first '<' would make the XML declaration illegal.
        while (_pos < _s.Length && _s[_pos] != '<' && (char.IsWhiteSpace(_s[_pos]) || _s[_pos] == '\uFEFF' || _s[_pos] == '\0'))
        {
            _pos++;
        }

        while (_pos < _s.Length)
        {
            var c = _s[_pos];
            if (c == '<')
            {
                if (Matches("<!--"))
                {
                    CopyThrough("-->");
                }
                else if (Matches("<![CDATA["))
                {
                    CopyThrough("]]>");
                }
                else if (Matches("<?xml") && _out.Length > 0 && _pos + 5 < _s.Length && char.IsWhiteSpace(_s[_pos + 5]))
                {
                    // An XML declaration after a leading comment (or anything else) is illegal: drop it.
                    var end = _s.IndexOf("?>", _pos, StringComparison.Ordinal);
                    _pos = end < 0 ? _s.Length : end + 2;
                }
                else if (Matches("<?"))
                {
                    CopyThrough("?>");
                }
                else if (Matches("<!DOCTYPE") || Matches("<!doctype"))
                {
                    SkipDoctype();
                }
                else
                {
                    if (RootNameEnd < 0 && _pos + 1 < _s.Length && XmlConvert.IsStartNCNameChar(_s[_pos + 1]))
                    {
                        var end = _pos + 1;
                        while (end < _s.Length && (XmlConvert.IsNCNameChar(_s[end]) || _s[end] == ':'))
                        {
                            end++;
                        }

                        _out.Append(_s, _pos, end - _pos);
                        _pos = end;
                        RootNameEnd = _out.Length;
                        continue;
                    }

                    _out.Append(c);
                    _pos++;
                }
            }
            else if (c == '&')
            {
                Reference();
            }
            else
            {
                AppendChecked(c);
            }
        }

        CloseTruncatedEndTag();
    }

    /// <summary>A document cut off as <c>&lt;/rss</c> (no closing bracket) gets its <c>&gt;</c> back.</summary>
    private void CloseTruncatedEndTag()
    {
        var end = _out.Length;
        while (end > 0 && char.IsWhiteSpace(_out[end - 1]))
        {
            end--;
        }

        var i = end;
        while (i > 0 && (XmlConvert.IsNCNameChar(_out[i - 1]) || _out[i - 1] == ':'))
        {
            i--;
        }

        if (i < end && i >= 2 && _out[i - 1] == '/' && _out[i - 2] == '<')
        {
            _out.Length = end;
            _out.Append('>');
        }
    }

    private bool Matches(string token) => string.CompareOrdinal(_s, _pos, token, 0, token.Length) == 0;

    private void AppendChecked(char c)
    {
        if (char.IsHighSurrogate(c))
        {
            if (_pos + 1 < _s.Length && char.IsLowSurrogate(_s[_pos + 1]))
            {
                _out.Append(c).Append(_s[_pos + 1]);
                _pos += 2;
                return;
            }

            _pos++;
            return;
        }

        if (XmlConvert.IsXmlChar(c))
        {
            _out.Append(c);
        }

        _pos++;
    }

    private void CopyThrough(string terminator)
    {
        var end = _s.IndexOf(terminator, _pos + 2, StringComparison.Ordinal);
        var stop = end < 0 ? _s.Length : end + terminator.Length;
        while (_pos < stop)
        {
            AppendChecked(_s[_pos]);
        }
    }

    private void SkipDoctype()
    {
        var start = _pos;
        var stop = DoctypeScanner.Scan(_s, _pos, _entities);

        // Keep line numbers stable for error messages.
        foreach (var c in _s.AsSpan(start, stop - start))
        {
            if (c == '\n')
            {
                _out.Append('\n');
            }
        }

        _pos = stop;
    }

    private void Reference()
    {
        // _s[_pos] == '&'
        var semi = _s.IndexOf(';', _pos + 1, Math.Min(40, _s.Length - _pos - 1));
        if (semi > _pos + 1)
        {
            var body = _s.AsSpan(_pos + 1, semi - _pos - 1);
            if (body[0] == '#')
            {
                if (XmlText.TryCharRef(body[1..], out var codePoint))
                {
                    if (XmlText.IsXmlCodePoint(codePoint))
                    {
                        _out.Append("&#").Append(codePoint.ToString(CultureInfo.InvariantCulture)).Append(';');
                    }

                    _pos = semi + 1;
                    return;
                }
            }
            else if (XmlText.IsName(body))
            {
                var name = body.ToString();
                _pos = semi + 1;
                if (name is "amp" or "lt" or "gt" or "quot" or "apos")
                {
                    _out.Append('&').Append(name).Append(';');
                }
                else if (_entities.TryGetValue(name, out var value) && _budget >= value.Length)
                {
                    _budget -= value.Length;
                    AppendEscaped(value);
                }
                else if (!_entities.ContainsKey(name) && XmlText.HtmlEntity(name) is { } decoded)
                {
                    foreach (var rune in decoded.EnumerateRunes())
                    {
                        _out.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
                    }
                }
                else
                {
                    _out.Append("&amp;").Append(name).Append(';');
                }

                return;
            }
        }

        _out.Append("&amp;");
        _pos++;
    }

    private void AppendEscaped(string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': _out.Append("&amp;"); break;
                case '<': _out.Append("&lt;"); break;
                case '>': _out.Append("&gt;"); break;
                default:
                    if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
                    {
                        _out.Append(c);
                    }

                    break;
            }
        }
    }
}
