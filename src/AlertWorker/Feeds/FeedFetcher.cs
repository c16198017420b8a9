using System.Net;
using System.Net.Http.Headers;
using AlertWorker.Channels.Webhook;
using AlertWorker.Configuration;

namespace AlertWorker.Feeds;

/// <summary>
/// Fetches a feed's bytes: over HTTP(S) with a conditional GET, decompression, a size cap counted after
/// decompression, one time limit for the whole exchange (headers and every byte of the body) and at most
/// <c>Fetch:MaxRedirects</c> redirects, each to http(s) only; from disk for <c>file://</c> URLs and plain paths.
/// Throws <see cref="FeedFetchException"/> on any failure, and lets only the caller's cancellation escape otherwise.
/// </summary>
public sealed class FeedFetcher(IHttpClientFactory httpClients, ActiveConfiguration configuration, TimeProvider time)
{
    public const string HttpClientName = "feeds";

    public async Task<FetchResult> FetchAsync(string url, FeedState state, CancellationToken cancellationToken)
    {
        var fetch = configuration.Options.Fetch;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(fetch.Timeout);
        try
        {
            return IsHttp(url)
                ? await FetchHttpAsync(new Uri(url), state, fetch, timeout.Token)
                : await ReadFileAsync(url, fetch.MaxResponseBytes, timeout.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FeedFetchException($"no complete answer within {fetch.Timeout.TotalSeconds:0.###} s", inner: exception);
        }
        catch (HttpRequestException exception)
        {
            throw new FeedFetchException($"request failed: {exception.Message}", inner: exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or UriFormatException or InvalidDataException)
        {
            // InvalidDataException: a body that claims gzip/deflate/brotli but is not.
            throw new FeedFetchException(exception.Message, inner: exception);
        }
    }

    public static bool IsHttp(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file a <c>file://</c> URL or a plain path (relative to the working directory) names.</summary>
    public static string FilePathOf(string url) =>
        url.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(url).LocalPath : Path.GetFullPath(url);

    private async Task<FetchResult> FetchHttpAsync(Uri uri, FeedState state, FetchOptions fetch, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var allPermanent = true;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (state.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (state.LastModified is { } lastModified)
            {
                // Sent back exactly as the server wrote it, as RFC 9110 recommends: the server compares strings, often.
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                if (hop >= fetch.MaxRedirects)
                {
                    throw new FeedFetchException($"more than {fetch.MaxRedirects} redirects (last to {location})", status);
                }

                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    // A server must not be able to point us at a local file or another protocol.
                    throw new FeedFetchException($"redirect to a {next.Scheme}: URL refused", status);
                }

                allPermanent &= status is 301 or 308;
                uri = next;
                continue;
            }

            var movedTo = allPermanent && hop > 0 ? uri.ToString() : null;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return FetchResult.NotModified with { MovedTo = movedTo };
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FeedFetchException(
                    $"HTTP {status} {response.ReasonPhrase}".TrimEnd(),
                    status,
                    WebhookChannel.RetryAfterOf(response.Headers.RetryAfter, time.GetUtcNow()));
            }

            // Without compression the declared length tells the answer in advance; with it, only counting the inflated bytes does.
            if (response.Content.Headers.ContentLength > fetch.MaxResponseBytes)
            {
                throw new FeedFetchException($"response larger than {fetch.MaxResponseBytes} bytes ({response.Content.Headers.ContentLength} declared)");
            }

            var body = await ReadCappedAsync(await response.Content.ReadAsStreamAsync(cancellationToken), fetch.MaxResponseBytes, cancellationToken);
            return new FetchResult
            {
                Body = body,
                Charset = response.Content.Headers.ContentType?.CharSet,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null,
                MovedTo = movedTo,
            };
        }
    }

    private static async Task<FetchResult> ReadFileAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        var path = FilePathOf(url);
        if (!File.Exists(path))
        {
            throw new FeedFetchException($"no such file: {path}");
        }

        await using var file = File.OpenRead(path);
        return new FetchResult { Body = await ReadCappedAsync(file, maxBytes, cancellationToken) };
    }

    /// <summary>Reads to the end, or throws as soon as more than <paramref name="maxBytes"/> arrived: a bomb never inflates past the cap.</summary>
    private static async Task<byte[]> ReadCappedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        await using var _ = stream;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FeedFetchException($"response larger than {maxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
