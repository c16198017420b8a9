using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AlertWorker.Tests.Support;

/// <summary>
/// A loopback webhook receiver. Answers each POST with the next status of its script (<see cref="DefaultStatus"/>,
/// 200 unless changed, once the script is used up), and checks Standard Webhooks signatures independently of the
/// code under test.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();

    private WebhookReceiver(LoopbackHttpServer server) => Server = server;

    public LoopbackHttpServer Server { get; }

    public string Url => Server.Url("/hooks/alerts");

    public IReadOnlyList<RecordedRequest> Posts => Server.Requests.Where(request => request.Method == "POST").ToList();

    /// <summary>The bodies of POSTs answered 2xx, parsed.</summary>
    public IReadOnlyList<JsonElement> Delivered => Server.Requests.Where(request => request.Method == "POST" && _delivered.ContainsKey(request))
        .Select(request => JsonDocument.Parse(request.Body).RootElement).ToList();

    private readonly ConcurrentDictionary<RecordedRequest, bool> _delivered = new();

    /// <summary>The status of every POST once the script is used up. Default 200.</summary>
    public int DefaultStatus { get; set; } = 200;

    /// <summary>The <c>webhook-id</c> of every POST, in order.</summary>
    public IReadOnlyList<string?> PostedIds => Posts.Select(post => post.Header("webhook-id")).ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        var server = await LoopbackHttpServer.StartAsync(async (context, request) =>
        {
            if (receiver!._script.TryDequeue(out var answer))
            {
                await answer(context);
            }
            else
            {
                context.Response.StatusCode = receiver.DefaultStatus;
            }

            // A request the sender gave up on (timed out, or died) was answered to no one: it delivered nothing.
            if (context.Response.StatusCode is >= 200 and < 300 && !context.RequestAborted.IsCancellationRequested)
            {
                receiver._delivered[request] = true;
            }
        });
        receiver = new WebhookReceiver(server);
        return receiver;
    }

    /// <summary>The next POSTs are answered with these statuses, in order.</summary>
    public WebhookReceiver ThenAnswer(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(context =>
            {
                context.Response.StatusCode = status;
                return Task.CompletedTask;
            });
        }

        return this;
    }

    /// <summary>The next POST is answered with this status and a <c>Retry-After</c> header (seconds or an HTTP date).</summary>
    public WebhookReceiver ThenAnswer(int status, string retryAfter) => ThenAnswer(context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    });

    /// <summary>The next POST is answered 200 only after <paramref name="delay"/>, or never when the sender gives up first.</summary>
    public WebhookReceiver ThenAnswerAfter(TimeSpan delay) => ThenAnswer(async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The sender timed out and closed the connection.
        }
    });

    public WebhookReceiver ThenAnswer(Func<HttpContext, Task> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    /// <summary>Whether the request carries a valid v1 signature for this secret, computed here from the spec.</summary>
    public static bool IsSignedWith(RecordedRequest request, string secret)
    {
        var key = secret.StartsWith("whsec_", StringComparison.Ordinal) ? Convert.FromBase64String(secret[6..]) : Encoding.UTF8.GetBytes(secret);
        using var hmac = new HMACSHA256(key);
        var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{request.Header("webhook-id")}.{request.Header("webhook-timestamp")}.{request.Body}")));
        return request.Header("webhook-signature")?.Split(' ').Contains(expected) == true;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
