using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AlertWorker.Tests.Support;

/// <summary>A loopback HTTP server publishing one RSS feed at <c>/feed.xml</c>, with an ETag and 304 answers.</summary>
public sealed class FeedHost : IAsyncDisposable
{
    private volatile string _xml = Rss.Feed();

    private FeedHost(LoopbackHttpServer server) => Server = server;

    public LoopbackHttpServer Server { get; }

    public string Url => Server.Url("/feed.xml");

    public int NotModifiedCount => Server.Requests.Count(request => request.Header("If-None-Match") == ETag);

    private string ETag => '"' + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_xml)))[..16] + '"';

    public static async Task<FeedHost> StartAsync(params Story[] stories)
    {
        FeedHost? host = null;
        var server = await LoopbackHttpServer.StartAsync(async (context, request) =>
        {
            var etag = host!.ETag;
            if (request.Header("If-None-Match") == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = etag;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(host._xml);
        });
        host = new FeedHost(server);
        host.Publish(stories);
        return host;
    }

    public void Publish(params Story[] stories) => _xml = Rss.Feed(stories);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
