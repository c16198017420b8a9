namespace AlertWorker.Feeds;

/// <summary>What AlertWorker remembers of a feed between polls and across restarts.</summary>
public sealed record FeedState(string Feed)
{
    /// <summary>The configured URL this state belongs to; when the configuration names another URL, the state starts afresh.</summary>
    public string? ConfiguredUrl { get; init; }

    /// <summary>Where the feed now lives when a permanent redirect moved it; null means the configured URL.</summary>
    public string? CurrentUrl { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public DateTimeOffset? LastAttempt { get; init; }

    public DateTimeOffset? LastSuccess { get; init; }

    public string? LastError { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>No poll before this time (back-off, <c>Retry-After</c>); null means whenever the schedule says.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>The feed answered 410 Gone: it is not polled again until its configured URL changes.</summary>
    public bool Gone { get; init; }

    /// <summary>True once a poll has succeeded, so the first-poll rule no longer applies.</summary>
    public bool HasBaseline => LastSuccess is not null;
}
