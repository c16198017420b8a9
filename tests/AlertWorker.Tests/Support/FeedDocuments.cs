using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertWorker.Tests.Support;

/// <summary>Atom and JSON Feed documents for tests (RSS is <see cref="Rss"/>), and the hostile documents of the issue.</summary>
public static class FeedDocuments
{
    public static string Atom(params Story[] stories) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Test desk</title><id>urn:test:desk</id><updated>2026-11-25T18:02:00Z</updated>
        {string.Concat(stories.Select(story => $"""
            <entry><id>{SecurityElement.Escape(story.Id)}</id><title>{SecurityElement.Escape(story.Title)}</title>
            <link href="https://news.example.test/{SecurityElement.Escape(story.Id)}"/><updated>2026-11-25T18:02:00Z</updated>
            <summary>{SecurityElement.Escape(story.Description)}</summary></entry>
            """))}
        </feed>
        """;

    public static string JsonFeed(params Story[] stories) => new JsonObject
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = "Test desk",
        ["items"] = new JsonArray(stories.Select(story => (JsonNode)new JsonObject
        {
            ["id"] = story.Id,
            ["title"] = story.Title,
            ["url"] = $"https://news.example.test/{story.Id}",
            ["content_text"] = story.Description,
            ["date_published"] = "2026-11-25T18:02:00Z",
        }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>An RSS item whose title pulls in <c>/etc/passwd</c> through an external entity.</summary>
    public static string Xxe(Story story) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>Test desk</title><link>https://news.example.test/</link><description>test</description>
        <item><guid>{story.Id}</guid><title>{SecurityElement.Escape(story.Title)} &xxe;</title><description>&xxe;</description></item>
        </channel></rss>
        """;

    /// <summary>The billion laughs: ten levels of ten references, 10^9 "lol"s if expanded.</summary>
    public static string BillionLaughs(Story story)
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(level =>
            $"<!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10))}\">\n"));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE rss [<!ENTITY lol0 "lol">
            {entities}]>
            <rss version="2.0"><channel><title>Test desk</title><link>https://news.example.test/</link><description>test</description>
            <item><guid>{story.Id}</guid><title>{SecurityElement.Escape(story.Title)}</title><description>&lol9;</description></item>
            </channel></rss>
            """;
    }

    /// <summary>A feed cut off in the middle of an item.</summary>
    public static string Truncated(params Story[] stories)
    {
        var whole = Rss.Feed(stories);
        return whole[..(whole.LastIndexOf("<title>", StringComparison.Ordinal) + 12)];
    }
}
