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
            foreach (var (feed, outcome) in feeds.Zip(outcomes).Where(pair => pair.Second.Status == PollStatus.Skipped))
            {
                logger.LogInformation("Skipped {Feed}: {Reason}", feed, outcome.Reason);
            }

            int Count(PollStatus status) => outcomes.Count(outcome => outcome.Status == status);
            logger.LogInformation(
                "Cycle done: {Polled} feed(s) polled, {NotModified} not modified, {Skipped} skipped, {Failed} failed; {New} new item(s), {Queued} alert(s) queued; {Sent} sent, {Retry} to retry, {Dead} dead",
                Count(PollStatus.Polled),
                Count(PollStatus.NotModified),
                Count(PollStatus.Skipped),
                Count(PollStatus.Failed),
                outcomes.Sum(outcome => outcome.NewItems),
                outcomes.Sum(outcome => outcome.Alerts),
                summary.SentCount,
                summary.FailedCount,
                summary.DeadCount);
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One line for the person; the trace only for whoever turns on Debug logging.
            logger.LogCritical("The cycle failed: {Error}", exception.Message);
            logger.LogDebug(exception, "The cycle failed");
            await context.Error.WriteLineAsync($"AlertWorker once: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
