using AlertWorker.Alerts;
using Microsoft.Extensions.Hosting;

namespace AlertWorker.Scheduling;

/// <summary>
/// At shutdown, waits for the dispatcher's passes: once stopping is signalled they claim nothing more, and attempts
/// still in flight after the drain timeout are abandoned and stay queued. Registered after Quartz, so it stops first.
/// </summary>
public sealed class DispatchDrain(AlertDispatcher dispatcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => dispatcher.WhenPassesDoneAsync().WaitAsync(cancellationToken);
}
