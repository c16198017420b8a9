namespace AlertWorker.Feeds;

/// <summary>
/// One entry of a feed, as the feed gives it. <see cref="Summary"/> and <see cref="Content"/> may hold HTML;
/// the matcher and the channels turn them into plain text where they need it.
/// </summary>
public sealed record FeedItem
{
    /// <summary>The item's identity within its feed: its guid/id, else its link, else a hash of title and summary.</summary>
    public required string Key { get; init; }

    /// <summary>The guid/id exactly as the feed gives it, when it gives one.</summary>
    public string? Id { get; init; }

    public string Title { get; init; } = "";

    public string? Link { get; init; }

    public DateTimeOffset? Published { get; init; }

    public string Summary { get; init; } = "";

    public string Content { get; init; } = "";

    public string? Author { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];
}
