namespace AlertWorker.Tests.Support;

/// <summary>Bounded waits for what a running daemon does in its own time: no fixed sleeps.</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/> (default 20 s).</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            await Task.Delay(50);
        }
    }
}
