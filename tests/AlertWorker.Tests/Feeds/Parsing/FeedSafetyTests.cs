using System.Text;
using AlertWorker.Feeds.Parsing;

namespace AlertWorker.Tests.Feeds.Parsing;

public sealed class FeedSafetyTests
{
    private const long MemoryCeiling = 50L * 1024 * 1024;

    private readonly FeedDocumentParser _parser = new();

    /// <summary>Parses, allowing a <see cref="FeedParseException"/>; returns null then. Asserts allocation stays low.</summary>
    private ParsedFeed? ParseBounded(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        ParsedFeed? feed;
        try
        {
            feed = _parser.Parse(bytes, null);
        }
        catch (FeedParseException)
        {
            feed = null;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MemoryCeiling, $"allocated {allocated:N0} bytes");
        return feed;
    }

    private static string AllText(ParsedFeed feed) =>
        string.Join("\n", feed.Items.SelectMany(i => new[] { i.Key, i.Title, i.Summary, i.Content, i.Link ?? "" }).Append(feed.Title ?? ""));

    [Fact]
    public void An_external_entity_never_reads_the_local_file()
    {
        var feed = ParseBounded("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <rss version="2.0"><channel><title>t &xxe;</title>
              <item><guid>x</guid><title>&xxe;</title><description>&xxe;</description></item>
            </channel></rss>
            """);

        if (feed is not null)
        {
            Assert.DoesNotContain("root:", AllText(feed), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_parameter_entity_pointing_at_a_local_file_is_ignored()
    {
        var feed = ParseBounded("""
            <!DOCTYPE rss [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]>
            <rss version="2.0"><channel><item><guid>x</guid><title>safe</title></item></channel></rss>
            """);

        if (feed is not null)
        {
            Assert.DoesNotContain("root:", AllText(feed), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Billion_laughs_is_neutralised_without_expansion()
    {
        var doctype = new StringBuilder("<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            doctype.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }

        doctype.Append("]>\n");
        var feed = ParseBounded(doctype + "<rss version=\"2.0\"><channel><item><guid>b</guid><title>&lol9;</title></item></channel></rss>");

        if (feed is not null)
        {
            Assert.True(AllText(feed).Length < 10_000);
        }
    }

    [Fact]
    public void A_quadratic_blowup_is_bounded()
    {
        var big = new string('a', 100_000);
        var refs = string.Concat(Enumerable.Repeat("&a;", 50_000));
        var feed = ParseBounded($"<!DOCTYPE rss [<!ENTITY a \"{big}\">]><rss version=\"2.0\"><channel><item><guid>q</guid><description>{refs}</description></item></channel></rss>");

        if (feed is not null)
        {
            Assert.True(AllText(feed).Length < 2_000_000, "entity expansion must be capped");
        }
    }

    [Fact]
    public void A_small_internal_entity_is_expanded_within_budget()
    {
        var feed = ParseBounded("""
            <!DOCTYPE rss [ <!ENTITY site "tag:harbour.example,"> ]>
            <rss version="2.0"><channel><item><guid>&site;2025:/ferry</guid></item></channel></rss>
            """);

        Assert.NotNull(feed);
        Assert.Equal("tag:harbour.example,2025:/ferry", Assert.Single(feed.Items).Key);
    }

    [Fact]
    public void An_external_dtd_is_never_fetched_and_the_feed_still_parses()
    {
        var feed = ParseBounded("""
            <!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd">
            <rss version="2.0"><channel><item><guid>d</guid><title>&eacute;t&eacute;</title></item></channel></rss>
            """);

        Assert.NotNull(feed);
        Assert.Equal("été", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Control_characters_and_bad_character_references_are_dropped()
    {
        var feed = ParseBounded("<rss version=\"2.0\"><channel><item><guid>c</guid><title>bell\u0007 &#1; &#x1C;ok</title></item></channel></rss>");
        Assert.NotNull(feed);
        Assert.Equal("bell  ok", Assert.Single(feed.Items).Title);
    }
}
