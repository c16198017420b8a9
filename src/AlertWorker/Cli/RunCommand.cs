using AlertWorker.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertWorker.Cli;

/// <summary>
/// <c>run</c>: the daemon, until SIGTERM/SIGINT (or the token); exit 0 after a clean shutdown. The configuration is
/// validated first (exit 2, nothing started) and then followed: saved changes apply without a restart.
/// </summary>
public static class RunCommand
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.LoadSettings(watch: true) is not { } loaded)
        {
            return ExitCodes.Invalid;
        }

        using var configuration = loaded.Configuration as IDisposable;
        using var host = AlertWorkerServices.BuildHost(loaded.Settings, loaded.Configuration, daemon: true, context.Overrides);
        try
        {
            // The database is opened (and its schema brought up to date) before anything is scheduled: a data
            // directory that cannot be used stops the start with one line, instead of failing every job.
            await using (await host.Services.GetRequiredService<Database>().OpenAsync(cancellationToken))
            {
            }

            await host.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The host has logged it; the user gets one line, not a stack trace.
            await context.Error.WriteLineAsync($"AlertWorker run: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
