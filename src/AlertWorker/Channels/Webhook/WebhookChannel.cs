using System.Net.Http.Headers;
using System.Text;
using AlertWorker.Alerts;
using AlertWorker.Configuration;

namespace AlertWorker.Channels.Webhook;

/// <summary>POSTs the alert as JSON with Standard Webhooks headers, signed when the channel has a secret.</summary>
public sealed class WebhookChannel(ChannelOptions options, HttpClient http, TimeProvider time) : IAlertChannel
{
    public const string HttpClientName = "webhooks";

    public async Task SendAsync(AlertContent alert, CancellationToken cancellationToken)
    {
        var body = AlertJson.Serialize(alert);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", alert.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(options.Secret))
        {
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(options.Secret, alert.Id, timestamp, body));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new AlertDeliveryException($"POST to {Where} failed: {Redacted(Describe(exception))}", inner: exception);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var status = (int)response.StatusCode;
            var retryable = status is 408 or 429 or >= 500;
            throw new AlertDeliveryException(
                $"POST to {Where} answered {status} {response.ReasonPhrase}",
                permanent: !retryable,
                retryAfter: retryable ? RetryAfterOf(response.Headers.RetryAfter, time.GetUtcNow()) : null);
        }
    }

    /// <summary>
    /// The receiver as errors and logs name it: scheme, host and port only. Webhook URLs often carry their token in
    /// the path or query (Slack, Discord), and errors are stored and listed by <c>alerts</c>.
    /// </summary>
    private string Where => Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) + "/…" : "the webhook";

    /// <summary>The exception's message with its causes ("An error occurred while sending the request" says little alone).</summary>
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(": ", messages);
    }

    private string Redacted(string message) =>
        string.IsNullOrEmpty(options.Url) ? message : message.Replace(options.Url, Where, StringComparison.Ordinal);

    /// <summary>The wait a <c>Retry-After</c> header asks for, in seconds or as an HTTP date; null when absent.</summary>
    public static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
