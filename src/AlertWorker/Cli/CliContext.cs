using AlertWorker.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertWorker.Cli;

/// <summary>What every verb gets: its arguments, where to write, and a way to stop; plus loading the configuration.</summary>
public sealed class CliContext(CliArguments arguments, TextWriter output, TextWriter error, Action<IServiceCollection>? overrides = null)
{
    public CliArguments Arguments { get; } = arguments;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Replaces services of the host (a test's clock, say); null in production.</summary>
    public Action<IServiceCollection>? Overrides { get; } = overrides;

    public string ConfigPath => ConfigLoader.ResolvePath(Arguments.Get("--config"));

    /// <summary>
    /// Loads the configuration as <see cref="LoadSettings"/> does and builds a host that starts nothing by itself
    /// (no scheduler), for the verbs that work on the stores once: <c>once</c>, <c>alerts</c>, <c>feeds</c>.
    /// Null when the configuration is invalid: the problems are printed and the caller exits 2.
    /// </summary>
    public (Settings Settings, IHost Host)? BuildHost()
    {
        if (LoadSettings() is not { } loaded)
        {
            return null;
        }

        return (loaded.Settings, AlertWorkerServices.BuildHost(loaded.Settings, loaded.Configuration, daemon: false, Overrides));
    }

    /// <summary>
    /// Loads and validates the configuration. On any error it prints every problem to stderr and returns null:
    /// the caller exits 2 with nothing started. Warnings are printed and do not stop anything. With
    /// <paramref name="watch"/> the daemon follows later changes of the file.
    /// </summary>
    public (Settings Settings, IConfigurationRoot Configuration)? LoadSettings(bool watch = false)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = ConfigLoader.Load(ConfigPath, watch);
        }
        catch (ConfigLoadException exception)
        {
            Error.WriteLine(exception.Message);
            return null;
        }

        var settings = Settings.Create(configuration, out var problems);
        foreach (var problem in problems)
        {
            Error.WriteLine(problem);
        }

        if (settings is null)
        {
            var errors = problems.Count(problem => !problem.IsWarning);
            Error.WriteLine($"{ConfigPath}: the configuration is invalid ({errors} {(errors == 1 ? "problem" : "problems")}); nothing was started");
            (configuration as IDisposable)?.Dispose();
            return null;
        }

        return (settings, configuration);
    }
}
