namespace AlertWorker.Configuration;

public sealed class TopicOptions
{
    /// <summary>The topic's query, in the query language of the README.</summary>
    public string? Query { get; set; }

    /// <summary>Names of the feeds the topic applies to; empty means every feed.</summary>
    public List<string> Feeds { get; set; } = [];

    /// <summary>Names of the channels its alerts go to; at least one.</summary>
    public List<string> Channels { get; set; } = [];
}
