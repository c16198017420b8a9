using AlertWorker.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertWorker.Scheduling;

/// <summary>
/// At shutdown, waits for the dispatcher's passes: once stopping is signalled they claim nothing more, and attempts
/// still in flight after the drain timeout are abandoned and stay queued. Registered after Quartz, so it stops first.
/// </summary>
public sealed class DispatchDrain(AlertDispatcher dispatcher, ILogger<DispatchDrain> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping: no new polls or deliveries; waiting up to {Drain} for deliveries in flight", dispatcher.DrainTimeout);
        await dispatcher.WhenPassesDoneAsync().WaitAsync(cancellationToken);
        logger.LogInformation("Stopped; anything not delivered stays queued for the next start");
    }
}
