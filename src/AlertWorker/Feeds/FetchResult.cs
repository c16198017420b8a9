namespace AlertWorker.Feeds;

/// <summary>What a fetch brought back: a body to parse, or nothing new (HTTP 304).</summary>
public sealed record FetchResult
{
    public static readonly FetchResult NotModified = new() { IsNotModified = true };

    public bool IsNotModified { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>The charset of the HTTP Content-Type, when the server named one.</summary>
    public string? Charset { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Set when every redirect on the way was permanent (301/308): where the feed now lives.</summary>
    public string? MovedTo { get; init; }
}
