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

    /// <summary>Redirects followed within one fetch; one more fails it. Default 5.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Longest wait after failed polls: the wait doubles from one minute per failure up to this. Default 6 hours.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);
}
