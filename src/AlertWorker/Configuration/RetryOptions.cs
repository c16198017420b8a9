namespace AlertWorker.Configuration;

/// <summary>The growing delays between attempts to deliver one alert.</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts before the alert becomes a dead letter. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delay before the second attempt; each later delay doubles, with jitter. Default 30 seconds.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest delay between two attempts. Default 1 hour.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
}
