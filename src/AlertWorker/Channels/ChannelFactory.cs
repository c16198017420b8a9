using AlertWorker.Channels.Email;
using AlertWorker.Channels.Log;
using AlertWorker.Channels.Webhook;
using AlertWorker.Configuration;
using Microsoft.Extensions.Logging;

namespace AlertWorker.Channels;

/// <summary>Makes the channel a configured name stands for. Channels are cheap; one is made per dispatch pass.</summary>
public sealed class ChannelFactory(IHttpClientFactory httpClients, ILoggerFactory loggers, TimeProvider time)
{
    public IAlertChannel Create(string name, ChannelOptions options) => options.Type switch
    {
        ChannelType.Email => new EmailChannel(options),
        ChannelType.Webhook => new WebhookChannel(options, httpClients.CreateClient(WebhookChannel.HttpClientName), time),
        ChannelType.Log => new LogChannel(name, loggers.CreateLogger<LogChannel>()),
        _ => throw new InvalidOperationException($"channel '{name}' has no known Type"),
    };
}
