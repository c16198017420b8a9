namespace AlertWorker.Configuration;

public enum FirstPollMode
{
    /// <summary>Items already in a feed when it is first polled are recorded as seen and raise no alert.</summary>
    Baseline,

    /// <summary>Every item of the first poll is matched and may alert.</summary>
    AlertAll,
}

public sealed class FeedOptions
{
    /// <summary><c>http://</c>, <c>https://</c>, <c>file://</c> or a plain file path relative to the working directory.</summary>
    public string? Url { get; set; }

    /// <summary>Time between polls (<c>hh:mm:ss</c>). Exactly one of <see cref="Interval"/> and <see cref="Cron"/>.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>A Quartz cron expression (seconds first), as an alternative to <see cref="Interval"/>.</summary>
    public string? Cron { get; set; }

    public bool Enabled { get; set; } = true;

    public FirstPollMode FirstPoll { get; set; } = FirstPollMode.Baseline;
}
