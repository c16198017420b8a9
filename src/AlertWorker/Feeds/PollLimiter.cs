using System.Collections.Concurrent;
using AlertWorker.Configuration;

namespace AlertWorker.Feeds;

/// <summary>
/// Bounds fetches: at most <c>Fetch:MaxConcurrentPolls</c> at once in all, and <c>Fetch:MaxConcurrentPollsPerHost</c>
/// against any one host, however many feeds are due. The limits are read once, at start-up.
/// </summary>
public sealed class PollLimiter(ActiveConfiguration configuration)
{
    private readonly SemaphoreSlim _global = new(configuration.Options.Fetch.MaxConcurrentPolls);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _perHost = configuration.Options.Fetch.MaxConcurrentPollsPerHost;

    /// <summary>Waits for a slot for this URL's host; dispose the result to give the slot back.</summary>
    /// <remarks>
    /// The host's slot is taken first: a feed queued behind its own busy host must not hold a global slot meanwhile,
    /// or many feeds of one host would starve every other host.
    /// </remarks>
    public async Task<IDisposable> EnterAsync(string url, CancellationToken cancellationToken)
    {
        var perHost = _hosts.GetOrAdd(HostOf(url), _ => new SemaphoreSlim(_perHost));
        await perHost.WaitAsync(cancellationToken);
        try
        {
            await _global.WaitAsync(cancellationToken);
        }
        catch
        {
            perHost.Release();
            throw;
        }

        return new Slot(_global, perHost);
    }

    /// <summary>The host a URL is limited under; every local file shares one.</summary>
    private static string HostOf(string url) =>
        FeedFetcher.IsHttp(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.IdnHost : "";

    private sealed class Slot(SemaphoreSlim global, SemaphoreSlim perHost) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                global.Release();
                perHost.Release();
            }
        }
    }
}
