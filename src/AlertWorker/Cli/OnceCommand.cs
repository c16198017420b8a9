using AlertWorker.Alerts;
using AlertWorker.Configuration;
using AlertWorker.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertWorker.Cli;

/// <summary>
/// <c>once</c>: polls every enabled feed once (side by side, within the poll limits), then attempts every alert
/// that is due. Exit 0 when the cycle ran, even if some feeds failed or alerts stay queued; 1 on a fatal error.
/// </summary>
public static class OnceCommand
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.BuildHost() is not { } opened)
        {
            return ExitCodes.Invalid;
        }

        var (settings, host) = opened;
        using var _ = host;
        var logger = host.Services.GetRequiredService<ILogger<CliContext>>();
        try
        {
            var poller = host.Services.GetRequiredService<FeedPoller>();
            var feeds = settings.Options.Feeds.Where(feed => feed.Value.Enabled).Select(feed => feed.Key).ToList();
            var outcomes = await Task.WhenAll(feeds.Select(feed => poller.PollAsync(feed, cancellationToken)));
            var summary = await host.Services.GetRequiredService<AlertDispatcher>().DispatchDueAsync(cancellationToken);
            logger.LogInformation(
                "Cycle done: {Feeds} feeds polled ({Failed} failed), {New} new items, {Queued} alerts queued; {Sent} sent, {Retry} to retry, {Dead} dead",
                outcomes.Length,
                outcomes.Count(outcome => outcome.Status == PollStatus.Failed),
                outcomes.Sum(outcome => outcome.NewItems),
                outcomes.Sum(outcome => outcome.Alerts),
                summary.SentCount,
                summary.FailedCount,
                summary.DeadCount);
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogCritical(exception, "The cycle failed");
            await context.Error.WriteLineAsync($"AlertWorker once: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
