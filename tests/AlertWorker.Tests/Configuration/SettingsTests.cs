using AlertWorker.Configuration;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Configuration;

/// <summary>What a valid file binds to: the options the pipeline reads.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Lists_written_as_one_string_bind_as_lists_of_one()
    {
        var settings = Load("""
            { "AlertWorker": {
                "Feeds": { "world": { "Url": "https://news.example.test/world.xml" } },
                "Topics": { "t": { "Query": "truce", "Channels": " desk ", "Feeds": "world" } },
                "Channels": { "desk": { "Type": "Email", "From": "a@example.test", "To": "b@example.test", "Smtp": { "Host": "localhost" } } } } }
            """);

        Assert.Equal(["desk"], settings.Options.Topics["t"].Channels);
        Assert.Equal(["world"], settings.Options.Topics["t"].Feeds);
        Assert.Equal(["b@example.test"], settings.Options.Channels["desk"].To);
    }

    [Fact]
    public void Names_are_looked_up_whatever_their_case_and_values_keep_theirs()
    {
        var settings = Load("""
            { "AlertWorker": {
                "Feeds": { "World": { "Url": "https://news.example.test/World.xml", "Enabled": false, "Cron": "0 */5 * * * ?" } },
                "Topics": { "Cease-Fire": { "Query": "truce", "Channels": [ "CONSOLE" ] } },
                "Channels": { "console": { "type": "log", "retry": { "maxattempts": 3 } } } } }
            """);

        Assert.True(settings.Options.Feeds.ContainsKey("world"));
        Assert.True(settings.Options.Topics.ContainsKey("cease-fire"));
        Assert.Equal("https://news.example.test/World.xml", settings.Options.Feeds["WORLD"].Url);
        Assert.False(settings.Options.Feeds["world"].Enabled);
        Assert.Equal(ChannelType.Log, settings.Options.Channels["CONSOLE"].Type);
        Assert.Equal(3, settings.Options.Channels["console"].Retry.MaxAttempts);
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_reads_like_any_other()
    {
        var path = _directory.File("bom.json");
        File.WriteAllText(path, """{ "AlertWorker": { "DataDirectory": "elsewhere" } }""", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var settings = Settings.Create(ConfigLoader.Load(path), out var problems);

        Assert.Empty(problems);
        Assert.Equal("elsewhere", settings!.Options.DataDirectory);
    }

    private Settings Load(string json)
    {
        var path = _directory.File("appsettings.json");
        File.WriteAllText(path, json);
        var settings = Settings.Create(ConfigLoader.Load(path), out var problems);
        Assert.True(settings is not null, string.Join(Environment.NewLine, problems));
        return settings;
    }
}
