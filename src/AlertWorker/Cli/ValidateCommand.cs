namespace AlertWorker.Cli;

/// <summary><c>validate</c>: every problem on its own line, with its configuration path; exit 0 or 2.</summary>
public static class ValidateCommand
{
    public static int Execute(CliContext context)
    {
        if (context.LoadSettings() is not { } loaded)
        {
            return ExitCodes.Invalid;
        }

        var options = loaded.Settings.Options;
        context.Output.WriteLine(
            $"{context.ConfigPath}: valid: {options.Feeds.Count} feed(s), {options.Topics.Count} topic(s), {options.Channels.Count} channel(s)");
        return ExitCodes.Ok;
    }
}
