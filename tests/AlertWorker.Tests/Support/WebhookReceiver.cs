using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AlertWorker.Tests.Support;

/// <summary>
/// A loopback webhook receiver. Answers each POST with the next status of its script (200 once the script is
/// used up), and checks Standard Webhooks signatures independently of the code under test.
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

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        var server = await LoopbackHttpServer.StartAsync(async (context, request) =>
        {
            if (receiver!._script.TryDequeue(out var answer))
            {
                await answer(context);
            }

            if (context.Response.StatusCode is >= 200 and < 300)
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
