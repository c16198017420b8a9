namespace AlertWorker.Configuration;

/// <summary>What happens when a feed keeps failing: the <c>AlertWorker:FeedFailures</c> section.</summary>
public sealed class FeedFailuresOptions
{
    /// <summary>Failed polls in a row after which the feed is reported, once per streak. Default 5.</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>
    /// Channels that also get a <c>feed-failure</c> alert when a feed reaches <see cref="Threshold"/>; none by default
    /// (the warning in the log only).
    /// </summary>
    public List<string> Channels { get; set; } = [];
}
