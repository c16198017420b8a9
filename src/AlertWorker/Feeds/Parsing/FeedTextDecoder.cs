using System.Text;

namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// Turns fetched feed bytes into text. Order of precedence: a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE),
/// then the HTTP charset, then the XML declaration's encoding (or the UTF-16/32 pattern of <c>&lt;?</c> without a BOM),
/// else UTF-8. Unknown or unsupported charset names are skipped, never fatal. Undecodable bytes become U+FFFD,
/// except that a document with no BOM, no usable charset and no declaration that is not valid UTF-8 is read as
/// windows-1252 (the usual mislabelled legacy feed).
/// </summary>
internal static class FeedTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static FeedTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Ensures the code-pages provider is registered (the static constructor does it once).</summary>
    internal static void EnsureInitialized()
    {
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        var (bomEncoding, bomLength) = DetectBom(bytes);
        if (bomEncoding is not null)
        {
            return bomEncoding.GetString(bytes[bomLength..]);
        }

        var encoding = TryGetEncoding(httpCharset, bytes) ?? SniffXmlDeclaration(bytes);
        if (encoding is not null)
        {
            return encoding.GetString(bytes);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    internal static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false), 3);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        }

        return (null, 0);
    }

    /// <summary>
    /// The encoding for a charset name, or null when the name is blank, unknown, or claims a 16/32-bit
    /// encoding for bytes that are plainly ASCII-compatible (a common mislabel).
    /// </summary>
    internal static Encoding? TryGetEncoding(string? name, ReadOnlySpan<byte> bytes)
    {
        name = name?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (encoding.GetByteCount("<") != 1 && LooksAsciiCompatible(bytes))
        {
            return null;
        }

        if (encoding.CodePage == 20127)
        {
            // us-ascii is in practice a lower bound, not a promise: read the high bytes as UTF-8 / windows-1252.
            return null;
        }

        return encoding;
    }

    private static bool LooksAsciiCompatible(ReadOnlySpan<byte> b)
    {
        var head = b[..Math.Min(b.Length, 64)];
        return head.Length > 0 && !head.Contains((byte)0);
    }

    private static Encoding? SniffXmlDeclaration(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x3C]))
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x00, 0x00]))
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C]))
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00]))
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        }

        // ASCII-compatible: look for <?xml ... encoding="..."?> near the start.
        var head = Encoding.Latin1.GetString(b[..Math.Min(b.Length, 1024)]);
        var start = head.IndexOf("<?xml", StringComparison.Ordinal);
        if (start < 0 || head.AsSpan(0, start).Trim().Length != 0)
        {
            return null;
        }

        var end = head.IndexOf("?>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var decl = head[start..end];
        var at = decl.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = decl[(at + "encoding".Length)..].TrimStart();
        if (rest.Length == 0 || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..].TrimStart();
        if (rest.Length == 0 || (rest[0] != '"' && rest[0] != '\''))
        {
            return null;
        }

        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : TryGetEncoding(rest[1..close], b);
    }
}
