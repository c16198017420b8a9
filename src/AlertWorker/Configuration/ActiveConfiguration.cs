using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace AlertWorker.Configuration;

/// <summary>
/// The configuration the daemon runs on now. For <c>run</c> it follows the file: when it is saved, the new version
/// (file and environment, loaded afresh) is validated first; a valid one replaces the current settings and raises
/// <see cref="Changed"/>; an invalid one is refused with its problems in the log (and <see cref="Refused"/>), and the
/// daemon keeps running on what it had. Storage, the data directory and the <c>Fetch</c> limits are read once at
/// start: a change to them is logged as needing a restart.
/// </summary>
public sealed class ActiveConfiguration : IDisposable
{
    /// <summary>Quiet time after the last change event before the file is read: one save can fire several events.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>A file that cannot be read or parsed may be half-written: it is read again after this delay ...</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>... up to this many times in all, before the change is refused (the next save is read afresh anyway).</summary>
    private const int ReadAttempts = 6;

    private readonly ILogger<ActiveConfiguration> _logger;
    private readonly string? _path;
    private readonly PhysicalFileProvider? _files;
    private readonly IDisposable? _subscription;
    private readonly Timer? _timer;
    private readonly Lock _gate = new();
    private volatile Settings _current;
    private int _attempt;
    private bool _disposed;

    public ActiveConfiguration(Settings initial, IConfiguration configuration, ILogger<ActiveConfiguration> logger)
    {
        _current = initial;
        _logger = logger;
        if (ConfigLoader.FileOf(configuration) is not { Watch: true } file)
        {
            return;
        }

        // PhysicalFileProvider follows saves in place, atomic renames and re-creations, and honours
        // DOTNET_USE_POLLING_FILE_WATCHER=1 for mounts where file events do not arrive (some container volumes).
        _path = file.Path;
        _files = new PhysicalFileProvider(Path.GetDirectoryName(_path)!, ExclusionFilters.None);
        _timer = new Timer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _subscription = ChangeToken.OnChange(() => _files.Watch(Path.GetFileName(_path)), OnFileChanged);
    }

    /// <summary>Raised after a changed configuration was validated and is now <see cref="Current"/>.</summary>
    public event Action<Settings>? Changed;

    /// <summary>Raised when a changed configuration was refused, with its problems, one a line.</summary>
    public event Action<IReadOnlyList<string>>? Refused;

    public Settings Current => _current;

    public AlertWorkerOptions Options => _current.Options;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _subscription?.Dispose();
            _timer?.Dispose();
            _files?.Dispose();
        }
    }

    private void OnFileChanged()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _attempt = 0;
                _timer!.Change(Debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Reload()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                Apply(ConfigLoader.Load(_path!));
            }
            catch (ConfigLoadException exception) when (++_attempt < ReadAttempts)
            {
                // Probably caught mid-write: not refused yet, read again shortly.
                _logger.LogDebug("The changed configuration cannot be read yet ({Problem}); trying again", exception.Message);
                _timer!.Change(RetryDelay, Timeout.InfiniteTimeSpan);
            }
            catch (Exception exception)
            {
                // A timer callback must never throw: that would end the process.
                Refuse([exception is ConfigLoadException ? exception.Message : $"{_path}: {exception.Message}"]);
            }
        }
    }

    private void Apply(IConfigurationRoot configuration)
    {
        var next = Settings.Create(configuration, out var problems);
        if (next is null)
        {
            Refuse(problems.Select(problem => problem.ToString()).ToList());
            return;
        }

        foreach (var warning in problems)
        {
            _logger.LogWarning("Configuration: {Problem}", warning.ToString());
        }

        WarnOfRestartOnlyChanges(_current.Options, next.Options);
        _current = next;
        _logger.LogInformation(
            "Configuration reloaded: {Feeds} feeds, {Topics} topics, {Channels} channels",
            next.Options.Feeds.Count,
            next.Options.Topics.Count,
            next.Options.Channels.Count);
        Changed?.Invoke(next);
    }

    private void Refuse(IReadOnlyList<string> problems)
    {
        _logger.LogError(
            "The changed configuration was refused; still running on the previous one. Problems:{NewLine}{Problems}",
            Environment.NewLine,
            string.Join(Environment.NewLine, problems));
        Refused?.Invoke(problems);
    }

    private void WarnOfRestartOnlyChanges(AlertWorkerOptions before, AlertWorkerOptions after)
    {
        var changed = new List<string>();
        if (!string.Equals(before.DataDirectory, after.DataDirectory, StringComparison.Ordinal))
        {
            changed.Add("DataDirectory");
        }

        if (before.Storage.Provider != after.Storage.Provider || before.Storage.ConnectionString != after.Storage.ConnectionString)
        {
            changed.Add("Storage");
        }

        if (before.Fetch.MaxConcurrentPolls != after.Fetch.MaxConcurrentPolls
            || before.Fetch.MaxConcurrentPollsPerHost != after.Fetch.MaxConcurrentPollsPerHost)
        {
            changed.Add("Fetch:MaxConcurrentPolls/MaxConcurrentPollsPerHost");
        }

        if (changed.Count > 0)
        {
            _logger.LogWarning("Changes to {Settings} take effect after a restart; the rest of the change is applied now", string.Join(", ", changed));
        }
    }
}
