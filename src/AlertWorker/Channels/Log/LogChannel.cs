using AlertWorker.Alerts;
using Microsoft.Extensions.Logging;

namespace AlertWorker.Channels.Log;

/// <summary>Writes each alert as one structured log event: the channel of the sample configuration.</summary>
public sealed class LogChannel(string name, ILogger<LogChannel> logger) : IAlertChannel
{
    public Task SendAsync(AlertContent alert, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "ALERT [{Topic}] {Title} {Link} (feed {Feed}, channel {Channel}, alert {AlertId}) matched {Matches}",
            alert.Topic,
            alert.Item.Title,
            alert.Item.Link,
            alert.Feed.Name,
            name,
            alert.Id,
            alert.Matches.Select(match => $"{match.Field}:{match.Term}").ToArray());
        return Task.CompletedTask;
    }
}
