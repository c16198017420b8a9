namespace AlertWorker.Feeds.Parsing;

/// <summary>A parsed feed: its title and link (when it gives them) and its items, in document order.</summary>
public sealed record ParsedFeed(string? Title, string? Link, IReadOnlyList<FeedItem> Items);
