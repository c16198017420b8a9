using System.Diagnostics;

namespace AlertWorker.Tests.Support;

/// <summary>Waits, bounded, for something a process or server does in its own time.</summary>
public static class Eventually
{
    /// <summary>Returns how long it took for <paramref name="condition"/> to hold; fails the test after <paramref name="within"/>.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<bool> condition, TimeSpan within, string what, Func<string>? diagnostics = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > within)
            {
                Assert.Fail($"not within {within.TotalSeconds:0} s: {what}{(diagnostics is null ? "" : "\n" + diagnostics())}");
            }

            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/> (default 20 s).</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(condition, timeout ?? TimeSpan.FromSeconds(20), what);
}
