using System.Security;

namespace AlertWorker.Tests.Support;

/// <summary>Builds small RSS 2.0 documents for tests; each story is written here, for this project.</summary>
public static class Rss
{
    public static Story Story(string id, string title, string description = "") => new(id, title, description);

    public static string Feed(params Story[] stories) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test desk</title><link>https://news.example.test/</link><description>test</description>
        {string.Concat(stories.Select(Item))}
        </channel></rss>
        """;

    private static string Item(Story story) =>
        $"""
        <item><guid isPermaLink="false">{SecurityElement.Escape(story.Id)}</guid><title>{SecurityElement.Escape(story.Title)}</title>
        <link>https://news.example.test/{SecurityElement.Escape(story.Id)}</link><pubDate>Wed, 25 Nov 2026 18:02:00 GMT</pubDate>
        <description>{SecurityElement.Escape(story.Description)}</description></item>
        """;

    /// <summary>The stories a user of the issue would try: one on a cease-fire call among unrelated ones.</summary>
    public static readonly Story CeaseFireCall = Story(
        "call-1", "Biden and Netanyahu discuss cease-fire deal in late-night call", "The leaders spoke about a ceasefire and a prisoner exchange.");

    public static readonly Story Weather = Story("weather-1", "Storm brings heavy rain to the coast", "Flood warnings are in place until Friday.");

    public static readonly Story Football = Story("sport-1", "Derby ends in a draw", "Neither side could break the deadlock.");
}

public sealed record Story(string Id, string Title, string Description);
