using System.Globalization;
using System.Net;
using System.Xml;

namespace AlertWorker.Feeds.Parsing;

/// <summary>Small facts about XML text that the sanitiser needs: names, character references, allowed characters.</summary>
internal static class XmlText
{
    /// <summary>The text an HTML named entity stands for (<c>eacute</c> → <c>é</c>), or null when HTML has no such entity.</summary>
    public static string? HtmlEntity(string name)
    {
        var reference = "&" + name + ";";
        var decoded = WebUtility.HtmlDecode(reference);
        return decoded == reference ? null : decoded;
    }

    /// <summary>Reads the digits of <c>&amp;#...;</c> (decimal, or hex after <c>x</c>) into a code point.</summary>
    public static bool TryCharRef(ReadOnlySpan<char> digits, out int codePoint)
    {
        codePoint = 0;
        if (digits.Length > 1 && (digits[0] == 'x' || digits[0] == 'X'))
        {
            return digits.Length <= 9 && int.TryParse(digits[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint);
        }

        foreach (var d in digits)
        {
            if (d is < '0' or > '9')
            {
                return false;
            }
        }

        return digits.Length is > 0 and <= 8 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out codePoint);
    }

    /// <summary>Whether XML 1.0 allows the character at all.</summary>
    public static bool IsXmlCodePoint(int cp) =>
        cp is 0x9 or 0xA or 0xD
        || cp is >= 0x20 and <= 0xD7FF
        || cp is >= 0xE000 and <= 0xFFFD
        || cp is >= 0x10000 and <= 0x10FFFF;

    /// <summary>Whether the text is an XML name (NCName characters and colons).</summary>
    public static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || !(XmlConvert.IsStartNCNameChar(name[0]) || name[0] == ':'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!XmlConvert.IsNCNameChar(c) && c != ':')
            {
                return false;
            }
        }

        return true;
    }
}
