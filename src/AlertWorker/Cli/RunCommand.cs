using Microsoft.Extensions.Hosting;

namespace AlertWorker.Cli;

/// <summary><c>run</c>: the daemon, until SIGTERM/SIGINT (or the token); exit 0 after a clean shutdown.</summary>
public static class RunCommand
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.LoadSettings(watch: true) is not { } loaded)
        {
            return ExitCodes.Invalid;
        }

        using var host = AlertWorkerServices.BuildHost(loaded.Settings, loaded.Configuration, daemon: true, context.Overrides);
        await host.RunAsync(cancellationToken);
        (loaded.Configuration as IDisposable)?.Dispose();
        return ExitCodes.Ok;
    }
}
