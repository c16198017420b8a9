namespace AlertWorker.Configuration;

/// <summary>How feeds are fetched, for all feeds.</summary>
public sealed class FetchOptions
{
    /// <summary>Time allowed for one whole fetch, headers and body. Default 20 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest response body accepted, counted after decompression. Default 10 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Polls running at once across all feeds. Default 16.</summary>
    public int MaxConcurrentPolls { get; set; } = 16;

    /// <summary>Polls running at once against one host. Default 2.</summary>
    public int MaxConcurrentPollsPerHost { get; set; } = 2;
}
