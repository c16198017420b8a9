using AlertWorker.Matching;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace AlertWorker.Configuration;

/// <summary>
/// Checks the raw <c>AlertWorker</c> section and reports every problem at once, each at its configuration path.
/// Runs before anything binds, polls or sends: the <c>validate</c> verb, start-up and every hot reload use it.
/// </summary>
public static class ConfigValidator
{
    private static readonly string[] FeedSchemes = ["http", "https", "file"];

    public static IReadOnlyList<ConfigProblem> Validate(IConfiguration configuration)
    {
        var reader = new ConfigReader();
        foreach (var problem in ConfigLoader.FileOf(configuration)?.Problems ?? [])
        {
            reader.Add(problem);
        }

        var root = configuration.GetSection(AlertWorkerOptions.SectionName);
        if (!root.Exists())
        {
            reader.Error(AlertWorkerOptions.SectionName, "section is missing: the file needs an \"AlertWorker\" object");
            return reader.Problems;
        }

        KnownKeys.Check(reader, root, typeof(AlertWorkerOptions));
        if (root.GetSection("DataDirectory") is { Value: { } directory } section)
        {
            if (string.IsNullOrWhiteSpace(directory))
            {
                reader.Error(section.Path, "must not be empty: a folder for the database (default data)");
            }
            else if (File.Exists(directory))
            {
                reader.Error(section.Path, $"'{directory}' is a file, not a folder");
            }
            else if (FileAbove(directory) is { } file)
            {
                reader.Error(section.Path, $"cannot create '{directory}': '{file}' is a file, not a folder");
            }
        }

        CheckStorage(reader, root.GetSection("Storage"));
        CheckFetch(reader, root.GetSection("Fetch"));
        var feeds = Names(reader, root.GetSection("Feeds"), "feed");
        var channels = Names(reader, root.GetSection("Channels"), "channel");
        Names(reader, root.GetSection("Topics"), "topic");
        foreach (var feed in root.GetSection("Feeds").GetChildren())
        {
            CheckFeed(reader, feed);
        }

        foreach (var channel in root.GetSection("Channels").GetChildren())
        {
            ChannelValidator.Check(reader, channel);
        }

        var usedFeeds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var usedChannels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var topic in root.GetSection("Topics").GetChildren())
        {
            CheckTopic(reader, topic, feeds, channels, usedFeeds, usedChannels);
        }

        CheckFetchLimitsAndFeedFailures(reader, root, channels, usedChannels);
        foreach (var channel in channels.Where(name => !usedChannels.Contains(name)))
        {
            reader.Warning(root.GetSection("Channels").GetSection(channel).Path, "no topic sends to this channel");
        }

        foreach (var feed in feeds.Where(name => !usedFeeds.Contains(name)))
        {
            reader.Warning(root.GetSection("Feeds").GetSection(feed).Path, "no topic applies to this feed");
        }

        return reader.Problems;
    }

    /// <summary>The names of a Feeds, Topics or Channels section, which must be an object keyed by name.</summary>
    private static HashSet<string> Names(ConfigReader reader, IConfigurationSection section, string what)
    {
        var children = section.GetChildren().ToList();
        if (!string.IsNullOrEmpty(section.Value) || children.Any(child => int.TryParse(child.Key, out _)))
        {
            reader.Error(section.Path, $"expected an object keyed by {what} name ({{ \"name\": {{ ... }} }}), not a value or a list");
        }

        return children.Select(child => child.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static void CheckStorage(ConfigReader reader, IConfigurationSection storage)
    {
        KnownKeys.Check(reader, storage, typeof(StorageOptions));
        if (reader.Choice<StorageProvider>(storage, "Provider") == StorageProvider.Postgres)
        {
            // The option is part of the contract; this build stores in SQLite only, and must not pretend otherwise.
            reader.Error(storage.GetSection("Provider").Path, "Postgres is not available in this version: use Sqlite");
            if (string.IsNullOrWhiteSpace(storage["ConnectionString"]))
            {
                reader.Error(storage.GetSection("ConnectionString").Path, "is required when Provider is Postgres");
            }
        }
    }

    private static void CheckFetch(ConfigReader reader, IConfigurationSection fetch)
    {
        KnownKeys.Check(reader, fetch, typeof(FetchOptions));
        reader.TimeSpan(fetch, "Timeout");
        reader.Integer(fetch, "MaxResponseBytes", 1024, long.MaxValue);
        reader.Integer(fetch, "MaxConcurrentPolls", 1, 1024);
        reader.Integer(fetch, "MaxConcurrentPollsPerHost", 1, 1024);
    }

    /// <summary>Fetch:MaxRedirects and Fetch:MaxBackoff, and FeedFailures (whose channels count as used).</summary>
    private static void CheckFetchLimitsAndFeedFailures(ConfigReader reader, IConfigurationSection root, HashSet<string> channels, HashSet<string> usedChannels)
    {
        var fetch = root.GetSection("Fetch");
        reader.Integer(fetch, "MaxRedirects", 0, 20);
        reader.TimeSpan(fetch, "MaxBackoff");
        var failures = root.GetSection("FeedFailures");
        reader.Integer(failures, "Threshold", 1, 1000);
        foreach (var (path, name) in ConfigReader.List(failures, "Channels"))
        {
            if (channels.Contains(name))
            {
                usedChannels.Add(name);
            }
            else
            {
                reader.Error(path, $"no channel named '{name}'");
            }
        }
    }

    private static void CheckFeed(ConfigReader reader, IConfigurationSection feed)
    {
        KnownKeys.Check(reader, feed, typeof(FeedOptions));
        var url = feed["Url"];
        if (string.IsNullOrWhiteSpace(url))
        {
            reader.Error(feed.GetSection("Url").Path, "is required: an http(s):// or file:// URL, or a file path");
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && !FeedSchemes.Contains(uri.Scheme))
        {
            reader.Error(feed.GetSection("Url").Path, $"scheme '{uri.Scheme}' is not supported: use http, https, file or a plain path");
        }

        var interval = reader.TimeSpan(feed, "Interval");
        if (interval < TimeSpan.FromSeconds(1))
        {
            reader.Error(feed.GetSection("Interval").Path, "must be at least 00:00:01: a feed is not polled more than once a second");
        }
        var cron = feed["Cron"];
        if (cron is not null && CronProblem(cron) is { } problem)
        {
            reader.Error(feed.GetSection("Cron").Path, problem);
        }

        if (interval is not null && cron is not null)
        {
            reader.Error(feed.Path, "has both Interval and Cron: give one");
        }

        reader.Boolean(feed, "Enabled");
        reader.Choice<FirstPollMode>(feed, "FirstPoll");
    }

    private static void CheckTopic(
        ConfigReader reader,
        IConfigurationSection topic,
        HashSet<string> feeds,
        HashSet<string> channels,
        HashSet<string> usedFeeds,
        HashSet<string> usedChannels)
    {
        KnownKeys.Check(reader, topic, typeof(TopicOptions));
        var query = topic.GetSection("Query");
        if (string.IsNullOrWhiteSpace(query.Value))
        {
            reader.Error(query.Path, "is required");
        }
        else
        {
            try
            {
                QueryParser.Parse(query.Value);
            }
            catch (QueryParseException exception)
            {
                reader.Error(query.Path, exception.Message);
            }
        }

        var targets = ConfigReader.List(topic, "Channels");
        if (targets.Count == 0)
        {
            reader.Error(topic.GetSection("Channels").Path, "needs at least one channel name");
        }

        foreach (var (path, name) in targets)
        {
            if (channels.Contains(name))
            {
                usedChannels.Add(name);
            }
            else
            {
                reader.Error(path, $"no channel named '{name}'");
            }
        }

        var scope = ConfigReader.List(topic, "Feeds");
        if (scope.Count == 0)
        {
            usedFeeds.UnionWith(feeds);
        }

        foreach (var (path, name) in scope)
        {
            if (feeds.Contains(name))
            {
                usedFeeds.Add(name);
            }
            else
            {
                reader.Error(path, $"no feed named '{name}'");
            }
        }
    }

    /// <summary>The nearest existing path above <paramref name="directory"/> when it is a file, which makes the folder impossible.</summary>
    private static string? FileAbove(string directory)
    {
        for (var path = Path.GetDirectoryName(Path.GetFullPath(directory)); !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }

            if (Directory.Exists(path))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>What is wrong with a cron expression: it does not parse, or it never fires again.</summary>
    private static string? CronProblem(string expression)
    {
        try
        {
            return new CronExpression(expression).GetNextValidTimeAfter(DateTimeOffset.UtcNow) is null
                ? "never fires again: every time it names is in the past"
                : null;
        }
        catch (FormatException)
        {
            return "is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year])";
        }
    }
}
