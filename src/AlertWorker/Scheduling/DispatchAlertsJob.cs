using AlertWorker.Alerts;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AlertWorker.Scheduling;

/// <summary>Sends the alerts that are due. Runs on a short interval and whenever a poll queued alerts.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchAlertsJob(AlertDispatcher dispatcher, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("dispatch-alerts", "alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Shutdown stops new claims; attempts in flight get the dispatcher's drain time, then stay queued.
        await dispatcher.DispatchDueAsync(lifetime.ApplicationStopping);
    }
}
