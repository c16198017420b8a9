using AlertWorker.Matching;
using Microsoft.Extensions.Configuration;

namespace AlertWorker.Configuration;

/// <summary>A validated configuration, bound to options, with its topics compiled once.</summary>
public sealed class Settings
{
    private Settings(AlertWorkerOptions options, TopicMatcher matcher)
    {
        Options = options;
        Matcher = matcher;
    }

    public AlertWorkerOptions Options { get; }

    /// <summary>Every topic's query, compiled once for this configuration.</summary>
    public TopicMatcher Matcher { get; }

    /// <summary>Validates, binds and compiles; returns null when any problem is an error. Warnings are returned either way.</summary>
    public static Settings? Create(IConfiguration configuration, out IReadOnlyList<ConfigProblem> problems)
    {
        problems = ConfigValidator.Validate(configuration);
        if (problems.Any(problem => !problem.IsWarning))
        {
            return null;
        }

        var options = new AlertWorkerOptions();
        var section = configuration.GetSection(AlertWorkerOptions.SectionName);
        section.Bind(options);

        // A list may also be written as one string ("Channels": "ops"), which the binder would leave empty.
        foreach (var (name, topic) in options.Topics)
        {
            topic.Channels = Names(section.GetSection("Topics").GetSection(name), "Channels");
            topic.Feeds = Names(section.GetSection("Topics").GetSection(name), "Feeds");
        }

        foreach (var (name, channel) in options.Channels)
        {
            channel.To = Names(section.GetSection("Channels").GetSection(name), "To");
        }

        var matcher = new TopicMatcher(options.Topics.Select(topic => (topic.Key, topic.Value.Query!)));
        return new Settings(options, matcher);
    }

    private static List<string> Names(IConfigurationSection section, string key) =>
        ConfigReader.List(section, key).Select(entry => entry.Value).ToList();

    /// <summary>Settings made from options in code, for tests and tools; throws when a query does not parse.</summary>
    public static Settings From(AlertWorkerOptions options) =>
        new(options, new TopicMatcher(options.Topics.Select(topic => (topic.Key, topic.Value.Query ?? ""))));
}
