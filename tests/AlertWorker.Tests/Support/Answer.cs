using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AlertWorker.Tests.Support;

/// <summary>Scripted answers for <see cref="FeedServer"/>: feeds, statuses, redirects, and the hostile ones.</summary>
public static class Answer
{
    public const string RssType = "application/rss+xml; charset=utf-8";

    /// <summary>A feed with optional validators; a request that presents them gets 304.</summary>
    public static Func<HttpContext, Task> Feed(string document, string contentType = RssType, string? etag = null, string? lastModified = null) =>
        Bytes(Encoding.UTF8.GetBytes(document), contentType, etag, lastModified);

    public static Func<HttpContext, Task> Bytes(byte[] body, string contentType = RssType, string? etag = null, string? lastModified = null, bool declareLength = true) =>
        async context =>
        {
            var request = context.Request.Headers;
            if ((etag is not null && request.IfNoneMatch == etag) || (etag is null && lastModified is not null && request.IfModifiedSince == lastModified))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
            }

            if (lastModified is not null)
            {
                context.Response.Headers.LastModified = lastModified;
            }

            context.Response.ContentType = contentType;
            if (declareLength)
            {
                context.Response.ContentLength = body.Length;
            }

            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        };

    /// <summary>The body gzip-compressed, with <c>Content-Encoding: gzip</c>.</summary>
    public static Func<HttpContext, Task> Gzip(byte[] plain, string contentType = RssType) => GzipEncoded(Gzipped(plain), contentType);

    /// <summary>Bytes already gzip-compressed, sent with <c>Content-Encoding: gzip</c> (a bomb, say).</summary>
    public static Func<HttpContext, Task> GzipEncoded(byte[] compressed, string contentType = RssType) => async context =>
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentEncoding = "gzip";
        await context.Response.Body.WriteAsync(compressed, context.RequestAborted);
    };

    public static byte[] Gzipped(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
        {
            gzip.Write(plain);
        }

        return buffer.ToArray();
    }

    public static Func<HttpContext, Task> Status(int status, string? retryAfter = null) => context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return Task.CompletedTask;
    };

    public static Func<HttpContext, Task> Redirect(int status, string location) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>
    /// Headers and the start of a feed at once, then one byte a second, for up to a minute or until the client goes.
    /// </summary>
    public static Func<HttpContext, Task> Drip() => async context =>
    {
        context.Response.ContentType = RssType;
        await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            for (var second = 0; second < 60 && !context.RequestAborted.IsCancellationRequested; second++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
                await context.Response.WriteAsync(" ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    };

    /// <summary>A well-formed start of a feed followed by <paramref name="bytes"/> of padding, streamed without a declared length.</summary>
    public static Func<HttpContext, Task> Huge(long bytes) => async context =>
    {
        context.Response.ContentType = RssType;
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        try
        {
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>", context.RequestAborted);
            for (long sent = 0; sent < bytes; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client stopped reading at its cap.
        }
    };
}
