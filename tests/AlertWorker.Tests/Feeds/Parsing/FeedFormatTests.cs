using System.Text;
using AlertWorker.Feeds.Parsing;

namespace AlertWorker.Tests.Feeds.Parsing;

public sealed class FeedFormatTests
{
    private readonly FeedDocumentParser _parser = new();

    private ParsedFeed Parse(string text, string? charset = null) => _parser.Parse(Encoding.UTF8.GetBytes(text), charset);

    [Fact]
    public void An_rss_2_0_feed_maps_every_item_field()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title> Harbour News </title>
                <link>https://harbour.example/</link>
                <item>
                  <title>  Ferry timetable changes  </title>
                  <link>https://harbour.example/ferry</link>
                  <guid isPermaLink="false"> ferry-42 </guid>
                  <pubDate>Tue, 03 Jun 2025 09:30:00 +0200</pubDate>
                  <description><![CDATA[<p>New <b>summer</b> times</p>]]></description>
                  <content:encoded><![CDATA[<p>Full story</p>]]></content:encoded>
                  <dc:creator>Port Desk</dc:creator>
                  <category>transport</category>
                  <category>Transport</category>
                  <category>transport</category>
                  <category>  </category>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal("Harbour News", feed.Title);
        Assert.Equal("https://harbour.example/", feed.Link);
        var item = Assert.Single(feed.Items);
        Assert.Equal("ferry-42", item.Key);
        Assert.Equal("ferry-42", item.Id);
        Assert.Equal("Ferry timetable changes", item.Title);
        Assert.Equal("https://harbour.example/ferry", item.Link);
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 9, 30, 0, TimeSpan.FromHours(2)), item.Published);
        Assert.Equal("<p>New <b>summer</b> times</p>", item.Summary);
        Assert.Equal("<p>Full story</p>", item.Content);
        Assert.Equal("Port Desk", item.Author);
        Assert.Equal(["transport", "Transport"], item.Categories);
    }

    [Fact]
    public void An_rss_1_0_feed_with_a_default_namespace_yields_its_items()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://valley.example/">
                <title>Valley Gazette</title>
                <link>https://valley.example/</link>
              </channel>
              <item rdf:about="https://valley.example/bridge">
                <title>Bridge reopens</title>
                <link>https://valley.example/bridge</link>
                <description>After two years.</description>
                <dc:date>2025-05-01T08:00:00Z</dc:date>
                <dc:creator>R. Miller</dc:creator>
                <dc:subject>roads</dc:subject>
              </item>
              <item rdf:about="https://valley.example/fair">
                <title>County fair dates</title>
                <link>https://valley.example/fair</link>
              </item>
            </rdf:RDF>
            """);

        Assert.Equal("Valley Gazette", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        var bridge = feed.Items[0];
        Assert.Equal("https://valley.example/bridge", bridge.Key);
        Assert.Equal("Bridge reopens", bridge.Title);
        Assert.Equal("After two years.", bridge.Summary);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero), bridge.Published);
        Assert.Equal("R. Miller", bridge.Author);
        Assert.Equal(["roads"], bridge.Categories);
    }

    [Fact]
    public void An_rss_1_0_feed_without_a_default_namespace_still_yields_its_items()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <channel><title>Plain RDF</title><link>https://plain.example/</link></channel>
              <item><title>First</title><link>https://plain.example/1</link><description>One</description></item>
              <item><title>Second</title><link>https://plain.example/2</link></item>
            </rdf:RDF>
            """);

        Assert.Equal("Plain RDF", feed.Title);
        Assert.Equal(["https://plain.example/1", "https://plain.example/2"], feed.Items.Select(i => i.Key));
        Assert.Equal("One", feed.Items[0].Summary);
    }

    [Fact]
    public void An_atom_feed_maps_alternate_links_terms_and_xhtml_content()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Orchard Log</title>
              <link rel="self" href="https://orchard.example/feed.atom"/>
              <link href="https://orchard.example/"/>
              <entry>
                <id>urn:uuid:6f1c2d9e-0000-4000-8000-000000000001</id>
                <title type="text">Apple harvest begins</title>
                <link rel="edit" href="https://orchard.example/edit/1"/>
                <link rel="alternate" type="text/html" href="https://orchard.example/harvest"/>
                <updated>2025-09-01T12:00:00+01:00</updated>
                <published>2025-08-31T10:00:00+01:00</published>
                <summary>Early varieties first.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Crates are <em>ready</em>.</p></div></content>
                <author><name>Grower</name></author>
                <category term="farming"/>
                <category term="apples" label="Apples"/>
              </entry>
            </feed>
            """);

        Assert.Equal("Orchard Log", feed.Title);
        Assert.Equal("https://orchard.example/", feed.Link);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("urn:uuid:6f1c2d9e-0000-4000-8000-000000000001", entry.Key);
        Assert.Equal("https://orchard.example/harvest", entry.Link);
        Assert.Equal(new DateTimeOffset(2025, 8, 31, 10, 0, 0, TimeSpan.FromHours(1)), entry.Published);
        Assert.Equal("Early varieties first.", entry.Summary);
        Assert.Contains("Crates are", entry.Content, StringComparison.Ordinal);
        Assert.Contains("ready", entry.Content, StringComparison.Ordinal);
        Assert.Equal("Grower", entry.Author);
        Assert.Equal(["farming", "apples"], entry.Categories);
    }

    [Fact]
    public void A_json_feed_maps_items_and_tags()
    {
        var feed = Parse("""
              {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "Lighthouse Notes",
                "home_page_url": "https://lighthouse.example/",
                "authors": [{ "name": "Keeper" }],
                "items": [
                  { "id": 7, "url": "https://lighthouse.example/fog", "title": "Fog horn test",
                    "content_html": "<p>Loud</p>", "summary": "Noon today", "date_published": "2025-02-10T12:00:00Z",
                    "tags": ["safety", "safety", ""] },
                  { "id": "8", "content_text": "Lamp cleaned." },
                  { "title": "   " }
                ]
              }
            """);

        Assert.Equal("Lighthouse Notes", feed.Title);
        Assert.Equal("https://lighthouse.example/", feed.Link);
        Assert.Equal(2, feed.Items.Count);
        var fog = feed.Items[0];
        Assert.Equal("7", fog.Key);
        Assert.Equal("<p>Loud</p>", fog.Content);
        Assert.Equal("Noon today", fog.Summary);
        Assert.Equal("Keeper", fog.Author);
        Assert.Equal(new DateTimeOffset(2025, 2, 10, 12, 0, 0, TimeSpan.Zero), fog.Published);
        Assert.Equal(["safety"], fog.Categories);
        Assert.Equal("Lamp cleaned.", feed.Items[1].Content);
    }

    [Fact]
    public void A_malformed_json_feed_is_rejected_with_a_reason()
    {
        var e = Assert.Throws<FeedParseException>(() => Parse("{ \"items\": [ }"));
        Assert.StartsWith("invalid JSON Feed:", e.Message, StringComparison.Ordinal);

        var noItems = Assert.Throws<FeedParseException>(() => Parse("{ \"title\": \"x\" }"));
        Assert.Equal("invalid JSON Feed: no 'items' array", noItems.Message);
    }

    [Fact]
    public void An_html_page_is_rejected_as_not_a_feed()
    {
        var e = Assert.Throws<FeedParseException>(() => Parse("<html><body><p>Hello</p></body></html>"));
        Assert.Equal("not a feed: root element 'html'", e.Message);
    }

    [Fact]
    public void Broken_xml_is_rejected_with_line_and_position()
    {
        var e = Assert.Throws<FeedParseException>(() => Parse("<rss version=\"2.0\">\n<channel>\n<item><title>x</item>\n</channel></rss>"));
        Assert.StartsWith("XML error at line 3, position ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_body_is_rejected()
    {
        Assert.Equal("empty document", Assert.Throws<FeedParseException>(() => _parser.Parse([], null)).Message);
        Assert.Equal("empty document", Assert.Throws<FeedParseException>(() => Parse("  \r\n ")).Message);
    }

    [Fact]
    public void A_date_that_will_not_parse_leaves_published_null()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
              <item><guid>a</guid><pubDate>the day after the storm</pubDate></item>
              <item><guid>b</guid><pubDate>Mon, 45 Foo 2025 99:99:99 XYZ</pubDate></item>
            </channel></rss>
            """);

        Assert.All(feed.Items, i => Assert.Null(i.Published));
        Assert.Equal(2, feed.Items.Count);
    }

    [Fact]
    public void Items_fall_back_from_guid_to_link_to_a_hash_and_empty_items_are_dropped()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
              <item><guid>  id-1  </guid><link>https://x.example/1</link><title>One</title></item>
              <item><link> https://x.example/2 </link><title>Two</title></item>
              <item><title>Three</title><description>Only words</description></item>
              <item><pubDate>Tue, 03 Jun 2025 09:30:00 GMT</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal(3, feed.Items.Count);
        Assert.Equal("id-1", feed.Items[0].Key);
        Assert.Equal("https://x.example/2", feed.Items[1].Key);
        Assert.Null(feed.Items[1].Id);
        Assert.Equal(FeedItemKey.Compute(null, null, "Three", "Only words"), feed.Items[2].Key);
        Assert.StartsWith("sha256:", feed.Items[2].Key, StringComparison.Ordinal);
    }

    [Fact]
    public void An_rss_0_91_feed_with_the_netscape_doctype_decodes_html_entities()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
              "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91">
              <channel>
                <title>Caf&eacute; Review</title>
                <link>https://cafe.example/</link>
                <item>
                  <title>Cr&egrave;me br&ucirc;l&eacute;e&nbsp;&amp; more &copy; &bogus; AT&T</title>
                  <link>https://cafe.example/creme</link>
                  <description>&lt;b&gt;Sweet&lt;/b&gt; &hellip;</description>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal("Café Review", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Crème brûlée\u00a0& more © &bogus; AT&T", item.Title);
        Assert.Equal("<b>Sweet</b> …", item.Summary);
    }

    [Fact]
    public void An_element_with_an_undeclared_prefix_is_still_read()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
              <item><guid>p-1</guid><dc:creator>Nobody Declared</dc:creator><dc:date>2025-01-02</dc:date></item>
            </channel></rss>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal("Nobody Declared", item.Author);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero), item.Published);
    }
}
