using AlertWorker.Feeds;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AlertWorker.Scheduling;

/// <summary>Polls the one feed named in its job data, then wakes the dispatcher when the poll queued alerts.</summary>
[DisallowConcurrentExecution]
public sealed class FeedPollJob(FeedPoller poller, IHostApplicationLifetime lifetime) : IJob
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
    }
}
