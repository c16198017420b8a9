using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace AlertWorker.Tests.Support;

/// <summary>
/// A loopback HTTP server with one scripted answer per path (see <see cref="Answer"/>), 404 for any other path, and a
/// count of the requests each path received and of those in flight at once.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _peakInFlight;

    private FeedServer(LoopbackHttpServer server) => Server = server;

    public LoopbackHttpServer Server { get; }

    /// <summary>The most requests this server was answering at one moment.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public static async Task<FeedServer> StartAsync()
    {
        FeedServer? feeds = null;
        var server = await LoopbackHttpServer.StartAsync(async (context, request) => await feeds!.AnswerAsync(context, request));
        feeds = new FeedServer(server);
        return feeds;
    }

    public string Url(string path) => Server.Url(path);

    /// <summary>From now on, requests for <paramref name="path"/> get this answer.</summary>
    public FeedServer Map(string path, Func<HttpContext, Task> answer)
    {
        _routes[path] = answer;
        return this;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => Server.Requests.Where(request => request.PathAndQuery == path).ToList();

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context, RecordedRequest request)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }

        try
        {
            if (_routes.TryGetValue(request.PathAndQuery, out var answer))
            {
                await answer(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
