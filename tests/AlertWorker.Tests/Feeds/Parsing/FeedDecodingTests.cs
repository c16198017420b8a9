using System.Text;
using AlertWorker.Feeds.Parsing;

namespace AlertWorker.Tests.Feeds.Parsing;

public sealed class FeedDecodingTests
{
    private const string Title = "Zürich: Öffnungszeiten für Bäder";

    private static readonly Encoding Latin1 = Encoding.Latin1;

    private readonly FeedDocumentParser _parser = new();

    private static string Rss(string declaration) =>
        declaration + $"<rss version=\"2.0\"><channel><title>Stadt</title><item><guid>z-1</guid><title>{Title}</title></item></channel></rss>";

    [Fact]
    public void Iso_8859_1_bytes_decode_by_the_http_charset()
    {
        var feed = _parser.Parse(Latin1.GetBytes(Rss("")), "ISO-8859-1");
        Assert.Equal(Title, feed.Items[0].Title);
    }

    [Fact]
    public void Iso_8859_1_bytes_decode_by_the_xml_declaration()
    {
        var feed = _parser.Parse(Latin1.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>")), null);
        Assert.Equal(Title, feed.Items[0].Title);
    }

    [Fact]
    public void The_http_charset_wins_over_the_xml_declaration()
    {
        var bytes = Latin1.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        Assert.Equal(Title, _parser.Parse(bytes, "\"iso-8859-1\"").Items[0].Title);
    }

    [Fact]
    public void A_utf8_bom_wins_over_a_wrong_http_charset_and_declaration()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>"))).ToArray();
        Assert.Equal(Title, _parser.Parse(bytes, "windows-1251").Items[0].Title);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_bom_decodes_in_either_byte_order(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"utf-16\"?>"))).ToArray();
        Assert.Equal(Title, _parser.Parse(bytes, null).Items[0].Title);
    }

    [Fact]
    public void Utf32_with_a_bom_decodes()
    {
        var encoding = new UTF32Encoding(bigEndian: false, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Rss(""))).ToArray();
        Assert.Equal(Title, _parser.Parse(bytes, null).Items[0].Title);
    }

    [Fact]
    public void Windows_1251_and_koi8_r_come_from_the_code_pages_provider()
    {
        const string russian = "Новости дня";
        var text = $"<rss version=\"2.0\"><channel><item><guid>r</guid><title>{russian}</title></item></channel></rss>";
        Assert.Equal(russian, _parser.Parse(CodePage(1251).GetBytes(text), "windows-1251").Items[0].Title);
        Assert.Equal(russian, _parser.Parse(CodePage(20866).GetBytes("<?xml version=\"1.0\" encoding=\"KOI8-R\"?>" + text), null).Items[0].Title);
    }

    [Fact]
    public void An_unknown_charset_name_falls_back_instead_of_failing()
    {
        var feed = _parser.Parse(Encoding.UTF8.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>")), "bogus-42");
        Assert.Equal(Title, feed.Items[0].Title);
    }

    [Fact]
    public void Undeclared_non_utf8_bytes_are_read_as_windows_1252()
    {
        var feed = _parser.Parse(CodePage(1252).GetBytes(Rss("")), null);
        Assert.Equal(Title, feed.Items[0].Title);
    }

    private static Encoding CodePage(int codePage)
    {
        // The parser registers the provider; make sure the test's own encoders can see it too.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
