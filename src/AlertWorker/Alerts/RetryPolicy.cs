using AlertWorker.Configuration;

namespace AlertWorker.Alerts;

/// <summary>When to try an alert again: delays doubling from <c>FirstDelay</c> up to <c>MaxDelay</c>, with ±20 % jitter.</summary>
public static class RetryPolicy
{
    /// <summary>
    /// The delay after the <paramref name="attempts"/>-th failed attempt, or null when the alert has had all its
    /// attempts. A receiver's <c>Retry-After</c> is honoured when it asks for longer than the back-off.
    /// </summary>
    public static TimeSpan? DelayAfter(int attempts, RetryOptions options, TimeSpan? retryAfter, Random random)
    {
        if (attempts >= options.MaxAttempts)
        {
            return null;
        }

        var exponent = Math.Min(attempts - 1, 30);
        var backoff = options.FirstDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var jittered = Math.Min(backoff, options.MaxDelay.TotalMilliseconds) * (0.8 + (0.4 * random.NextDouble()));
        var delay = TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxDelay.TotalMilliseconds));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
