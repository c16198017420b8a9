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
    public async Task<IDisposable> EnterAsync(string url, CancellationToken cancellationToken)
    {
        var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) && FeedFetcher.IsHttp(url) ? uri.Host : "";
        var perHost = _hosts.GetOrAdd(host, _ => new SemaphoreSlim(_perHost));
        await _global.WaitAsync(cancellationToken);
        try
        {
            await perHost.WaitAsync(cancellationToken);
        }
        catch
        {
            _global.Release();
            throw;
        }

        return new Slot(_global, perHost);
    }

    private sealed class Slot(SemaphoreSlim global, SemaphoreSlim perHost) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                perHost.Release();
                global.Release();
            }
        }
    }
}
