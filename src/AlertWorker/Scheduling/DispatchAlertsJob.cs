using AlertWorker.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlertWorker.Scheduling;

/// <summary>
/// Starts sending the alerts that are due. Runs on a short interval and whenever a poll queued alerts. It only
/// starts a pass for each idle channel and returns, so a channel busy with a slow receiver never keeps this job,
/// and with it every other channel, waiting; <see cref="DispatchDrain"/> waits for the passes at shutdown.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchAlertsJob(AlertDispatcher dispatcher, IHostApplicationLifetime lifetime, ILogger<DispatchAlertsJob> logger) : IJob
{
    public static readonly JobKey Key = new("dispatch-alerts", "alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Shutdown stops new claims; attempts in flight get the dispatcher's drain time, then stay queued.
        try
        {
            await dispatcher.StartDueAsync(lifetime.ApplicationStopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The store failing (locked, unreadable): one line; the next run in a few seconds tries again.
            logger.LogError("Could not look for due alerts: {Error}", exception.Message);
            logger.LogDebug(exception, "Could not look for due alerts");
        }
    }
}
