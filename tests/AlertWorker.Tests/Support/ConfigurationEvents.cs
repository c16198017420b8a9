using System.Collections.Concurrent;
using AlertWorker.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertWorker.Tests.Support;

/// <summary>
/// Records what the daemon's <see cref="ActiveConfiguration"/> did with each saved change: applied or refused.
/// Install with <see cref="Install"/> as a <see cref="TestApp.Overrides"/>.
/// </summary>
public sealed class ConfigurationEvents
{
    public ConcurrentQueue<Settings> Applied { get; } = new();

    public ConcurrentQueue<IReadOnlyList<string>> Refusals { get; } = new();

    public void Install(IServiceCollection services) =>
        services.AddHostedService(provider => new Listener(provider.GetRequiredService<ActiveConfiguration>(), this));

    private sealed class Listener(ActiveConfiguration configuration, ConfigurationEvents events) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            configuration.Changed += events.Applied.Enqueue;
            configuration.Refused += events.Refusals.Enqueue;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            configuration.Changed -= events.Applied.Enqueue;
            configuration.Refused -= events.Refusals.Enqueue;
            return Task.CompletedTask;
        }
    }
}
