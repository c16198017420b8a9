using AlertWorker.Cli;

namespace AlertWorker.Tests.Support;

/// <summary>Runs a verb on a configuration file written verbatim (malformed JSON, say), which <see cref="TestApp"/> cannot write.</summary>
public static class ConfigFileRunner
{
    public static async Task<CliResult> RunAsync(string? fileText, params string[] args)
    {
        using var directory = new TempDirectory();
        var path = directory.File("appsettings.json");
        if (fileText is not null)
        {
            await File.WriteAllTextAsync(path, fileText);
        }

        return await RunArgsAsync([.. args, "--config", path]);
    }

    /// <summary>Runs the command line exactly as given.</summary>
    public static async Task<CliResult> RunArgsAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
