using System.Text.Json.Nodes;
using AlertWorker.Alerts;
using AlertWorker.Cli;
using AlertWorker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AlertWorker.Tests.Support;

/// <summary>
/// An AlertWorker installation in a temp folder: a configuration file the test shapes, a data directory, and the
/// verbs run in-process through the same entry point as the executable.
/// </summary>
public sealed class TestApp : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TestApp()
    {
        Root = new JsonObject
        {
            ["AlertWorker"] = new JsonObject
            {
                ["DataDirectory"] = DataDirectory,
                ["Feeds"] = new JsonObject(),
                ["Topics"] = new JsonObject(),
                ["Channels"] = new JsonObject(),
            },
            ["Serilog"] = new JsonObject
            {
                ["MinimumLevel"] = new JsonObject { ["Default"] = "Warning" },
            },
        };
    }

    public JsonObject Root { get; }

    public JsonObject Section => Root["AlertWorker"]!.AsObject();

    public string DataDirectory => _directory.File("data");

    public string ConfigPath => _directory.File("appsettings.json");

    public TempDirectory Directory => _directory;

    /// <summary>Replaces services of every host the verbs build (a fake clock, say).</summary>
    public Action<IServiceCollection>? Overrides { get; set; }

    public TestApp Feed(string name, string url, string firstPoll = "AlertAll", string interval = "00:05:00")
    {
        Section["Feeds"]![name] = new JsonObject { ["Url"] = url, ["Interval"] = interval, ["FirstPoll"] = firstPoll };
        return this;
    }

    /// <summary>Polls the feed every second (a cron schedule, which starts without the start-up spread of intervals).</summary>
    public TestApp PollEverySecond(string feed)
    {
        var options = Section["Feeds"]![feed]!.AsObject();
        options.Remove("Interval");
        options["Cron"] = "* * * * * ?";
        return this;
    }

    /// <summary>Sets a property of a channel already added, e.g. <c>Timeout</c> or <c>Retry:MaxAttempts</c>.</summary>
    public TestApp ChannelSetting(string channel, string path, JsonNode value)
    {
        var node = Section["Channels"]![channel]!.AsObject();
        var names = path.Split(':');
        foreach (var name in names[..^1])
        {
            node = (node[name] ??= new JsonObject()).AsObject();
        }

        node[names[^1]] = value;
        return this;
    }

    /// <summary>The alerts in one state as stored in the data directory, newest first, read directly from the database.</summary>
    public async Task<IReadOnlyList<OutboxAlert>> AlertsAsync(AlertState state) =>
        await new AlertOutbox(new SqliteDatabase(DataDirectory)).ListAsync(state, 1000, CancellationToken.None);

    public TestApp Topic(string name, string query, params string[] channels)
    {
        Section["Topics"]![name] = new JsonObject { ["Query"] = query, ["Channels"] = new JsonArray(channels.Select(channel => (JsonNode)channel!).ToArray()) };
        return this;
    }

    public TestApp Channel(string name, JsonObject channel)
    {
        Section["Channels"]![name] = channel;
        return this;
    }

    public TestApp Webhook(string name, string url, string? secret = null, string firstDelay = "00:00:00") => Channel(name, new JsonObject
    {
        ["Type"] = "Webhook",
        ["Url"] = url,
        ["Secret"] = secret,
        ["Retry"] = new JsonObject { ["FirstDelay"] = firstDelay },
    });

    public TestApp Email(string name, int port, string firstDelay = "00:00:00") => Channel(name, new JsonObject
    {
        ["Type"] = "Email",
        ["From"] = "alerts@example.test",
        ["To"] = new JsonArray("desk@example.test"),
        ["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = port, ["Security"] = "None" },
        ["Retry"] = new JsonObject { ["FirstDelay"] = firstDelay },
    });

    public void Save() => File.WriteAllText(ConfigPath, Root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Saves the configuration and runs one verb; returns its exit code and what it printed.</summary>
    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        Save();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, "--config", ConfigPath], output, error, cancellationToken, Overrides);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public void Dispose() => _directory.Dispose();
}

public sealed record CliResult(int ExitCode, string Output, string Error);
