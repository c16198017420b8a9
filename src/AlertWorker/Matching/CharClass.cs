using System.Globalization;
using System.Text;

namespace AlertWorker.Matching;

/// <summary>Character classes shared by the query lexer and the tokeniser.</summary>
internal static class CharClass
{
    /// <summary>Any Unicode dash (category Pd), the minus sign U+2212 or the ASCII hyphen-minus.</summary>
    public static bool IsDash(char c) =>
        c == '-' || c == '\u2212' || c == '\uFE63' || c == '\uFF0D'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    /// <summary>A double quote in any typographic form: <c>" “ ” „ ‟ « » ″ ＂ 〝 〞</c>.</summary>
    public static bool IsDoubleQuote(char c) => c switch
    {
        '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB'
            or '\u2033' or '\uFF02' or '\u301D' or '\u301E' or '\u301F' => true,
        _ => false,
    };

    /// <summary>An apostrophe or single quote in any typographic form: <c>' ’ ‘ ‛ ʼ ′ ` ´ ＇</c>.</summary>
    public static bool IsApostrophe(int rune) => rune switch
    {
        '\'' or '\u2019' or '\u2018' or '\u201B' or '\u02BC' or '\u02B9' or '\u2032' or '`' or '\u00B4'
            or '\uFF07' => true,
        _ => false,
    };

    /// <summary>Characters removed without breaking a word: soft hyphen, zero-width (non-)joiners, word joiner, BOM.</summary>
    public static bool IsIgnorable(Rune rune) =>
        rune.Value is 0x00AD or 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF
        || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;

    /// <summary>A character that belongs to a word: letter, number or combining mark (apostrophes excluded).</summary>
    public static bool IsWordRune(Rune rune)
    {
        if (IsApostrophe(rune.Value))
        {
            return false;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return true;
            default:
                return false;
        }
    }
}
