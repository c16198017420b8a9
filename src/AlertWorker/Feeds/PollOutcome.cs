namespace AlertWorker.Feeds;

public enum PollStatus
{
    /// <summary>Fetched and parsed; new items recorded.</summary>
    Polled,

    /// <summary>The server said nothing changed (HTTP 304).</summary>
    NotModified,

    /// <summary>Not polled: disabled, gone, or deferred by back-off or <c>Retry-After</c>.</summary>
    Skipped,

    /// <summary>The fetch or the parse failed; recorded in the feed's health.</summary>
    Failed,
}

/// <summary>What one poll of one feed did.</summary>
public sealed record PollOutcome(PollStatus Status, int Items = 0, int NewItems = 0, int Alerts = 0, string? Reason = null);
