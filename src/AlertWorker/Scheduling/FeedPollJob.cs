using AlertWorker.Feeds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlertWorker.Scheduling;

/// <summary>Polls the one feed named in its job data, then wakes the dispatcher when the poll queued alerts.</summary>
[DisallowConcurrentExecution]
public sealed class FeedPollJob(FeedPoller poller, IHostApplicationLifetime lifetime, ILogger<FeedPollJob> logger) : IJob
{
    public const string FeedKey = "feed";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var feed = context.MergedJobDataMap.GetString(FeedKey)!;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            var outcome = await poller.PollAsync(feed, stopping.Token);
            if (outcome.Alerts > 0)
            {
                await context.Scheduler.TriggerJob(DispatchAlertsJob.Key, null, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the poll recorded nothing, so the next start polls again.
        }
        catch (Exception exception)
        {
            // Fetch and parse failures are the feed's own (recorded in its health); this is the store failing.
            // One line each time, and the next trigger tries again: nothing was recorded, so nothing is lost.
            logger.LogError("Poll of {Feed} could not be recorded: {Error}", feed, exception.Message);
            logger.LogDebug(exception, "Poll of {Feed} could not be recorded", feed);
        }
    }
}
