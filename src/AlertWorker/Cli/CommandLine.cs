using Microsoft.Extensions.DependencyInjection;

namespace AlertWorker.Cli;

/// <summary>Parses the command line and runs the verb; returns the process exit code.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken = default,
        Action<IServiceCollection>? overrides = null)
    {
        CliArguments arguments;
        try
        {
            arguments = CliArguments.Parse(args);
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync($"AlertWorker: {exception.Message}");
            await error.WriteLineAsync(Usage.Text);
            return ExitCodes.Invalid;
        }

        if (arguments.Has("--help"))
        {
            await output.WriteLineAsync(Usage.Text);
            return ExitCodes.Ok;
        }

        if (arguments.Has("--version"))
        {
            await output.WriteLineAsync($"AlertWorker {Usage.Version}");
            return ExitCodes.Ok;
        }

        var context = new CliContext(arguments, output, error, overrides);
        try
        {
            return arguments.Verb switch
            {
                "run" => await RunCommand.ExecuteAsync(context, cancellationToken),
                "once" => await OnceCommand.ExecuteAsync(context, cancellationToken),
                "validate" => ValidateCommand.Execute(context),
                "match" => await MatchCommand.ExecuteAsync(context, cancellationToken),
                "alerts" => await AlertsCommand.ExecuteAsync(context, cancellationToken),
                "feeds" => await FeedsCommand.ExecuteAsync(context, cancellationToken),
                _ => throw new UsageException($"unknown verb '{arguments.Verb}'"),
            };
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync($"AlertWorker {arguments.Verb}: {exception.Message}");
            await error.WriteLineAsync(Usage.Text);
            return ExitCodes.Invalid;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The last line of defence: whatever a verb did not foresee (an unwritable data directory, a broken
            // database file) is one line naming it, never a stack trace. Nothing stored is changed by failing here.
            await error.WriteLineAsync($"AlertWorker {arguments.Verb}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
