namespace AlertWorker.Configuration;

/// <summary>The <c>AlertWorker</c> section of the configuration: everything the daemon watches and where it sends alerts.</summary>
public sealed class AlertWorkerOptions
{
    public const string SectionName = "AlertWorker";

    /// <summary>Folder for the embedded database; relative paths are resolved against the working directory. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    public StorageOptions Storage { get; set; } = new();

    public FetchOptions Fetch { get; set; } = new();

    public FeedFailuresOptions FeedFailures { get; set; } = new();

    public Dictionary<string, FeedOptions> Feeds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, TopicOptions> Topics { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, ChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
