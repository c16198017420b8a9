using AlertWorker.Alerts;
using AlertWorker.Configuration;

namespace AlertWorker.Tests.Alerts;

/// <summary>The delays between attempts of one alert: doubling from FirstDelay, capped at MaxDelay, ±20 % jitter, Retry-After.</summary>
public sealed class RetryPolicyTests
{
    private static readonly RetryOptions Defaults = new(); // 10 attempts, 30 s doubling up to 1 h

    [Theory]
    [InlineData(1, 30)] // after the first failure: FirstDelay
    [InlineData(2, 60)] // then doubling
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)] // 3840 s is capped at MaxDelay
    [InlineData(9, 3600)]
    public void The_delay_doubles_from_the_first_delay_up_to_the_cap(int attempts, int expectedSeconds)
    {
        var delay = RetryPolicy.DelayAfter(attempts, Defaults, retryAfter: null, new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(1, 0.0, 24)] // jitter at its lowest: -20 %
    [InlineData(1, 0.999999, 36)] // and at its highest: +20 %
    [InlineData(3, 0.0, 96)]
    [InlineData(3, 0.999999, 144)]
    [InlineData(9, 0.0, 2880)]
    [InlineData(9, 0.999999, 3600)] // never beyond MaxDelay, jitter or not
    public void Jitter_stays_within_twenty_percent_and_under_the_cap(int attempts, double random, double expectedSeconds)
    {
        var delay = RetryPolicy.DelayAfter(attempts, Defaults, retryAfter: null, new FixedRandom(random))!.Value;

        Assert.Equal(expectedSeconds, delay.TotalSeconds, precision: 2);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    public void An_alert_that_had_all_its_attempts_gets_no_further_delay(int attempts, int maxAttempts)
    {
        var options = new RetryOptions { MaxAttempts = maxAttempts };

        Assert.Null(RetryPolicy.DelayAfter(attempts, options, TimeSpan.FromSeconds(5), new FixedRandom(0.5)));
    }

    [Theory]
    [InlineData(1, 120, 120)] // the receiver asks for longer than the back-off: its wish wins
    [InlineData(1, 10, 30)] // shorter: the back-off stands
    [InlineData(9, 7200, 7200)] // even beyond MaxDelay, a receiver's Retry-After is honoured
    public void Retry_after_wins_when_it_is_longer_than_the_back_off(int attempts, int retryAfterSeconds, int expectedSeconds)
    {
        var delay = RetryPolicy.DelayAfter(attempts, Defaults, TimeSpan.FromSeconds(retryAfterSeconds), new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void A_zero_first_delay_retries_at_once()
    {
        var options = new RetryOptions { FirstDelay = TimeSpan.Zero };

        Assert.Equal(TimeSpan.Zero, RetryPolicy.DelayAfter(4, options, retryAfter: null, new FixedRandom(0.9)));
    }

    /// <summary>A random source that always draws the same number, to pin the jitter.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
