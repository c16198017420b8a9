using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace AlertWorker.Configuration;

/// <summary>
/// The configuration the daemon runs on now. When the file changes, the new version is validated first: a valid one
/// replaces the current settings and raises <see cref="Changed"/>; an invalid one is refused with its problems in
/// the log, and the daemon keeps running on what it had.
/// </summary>
public sealed class ActiveConfiguration : IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly ILogger<ActiveConfiguration> _logger;
    private readonly IDisposable? _subscription;
    private volatile Settings _current;

    public ActiveConfiguration(Settings initial, IConfiguration configuration, ILogger<ActiveConfiguration> logger)
    {
        _current = initial;
        _configuration = configuration;
        _logger = logger;
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public event Action<Settings>? Changed;

    public Settings Current => _current;

    public AlertWorkerOptions Options => _current.Options;

    public void Dispose() => _subscription?.Dispose();

    private void Reload()
    {
        var next = Settings.Create(_configuration, out var problems);
        if (next is null)
        {
            _logger.LogError(
                "The changed configuration was refused; still running on the previous one. Problems:{NewLine}{Problems}",
                Environment.NewLine,
                string.Join(Environment.NewLine, problems));
            return;
        }

        _current = next;
        _logger.LogInformation(
            "Configuration reloaded: {Feeds} feeds, {Topics} topics, {Channels} channels",
            next.Options.Feeds.Count,
            next.Options.Topics.Count,
            next.Options.Channels.Count);
        Changed?.Invoke(next);
    }
}
