namespace AlertWorker.Feeds;

/// <summary>A fetch failed: the server's status (when it answered), and how long it asked us to wait.</summary>
public sealed class FeedFetchException(string message, int? status = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>410 Gone: the feed will not come back at this URL.</summary>
    public bool Gone => Status == 410;
}
