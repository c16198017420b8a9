using System.Text.Json.Nodes;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Cli;

/// <summary><c>run</c> and <c>once</c> validate first: on any error they list the problems, exit 2 and poll or send nothing.</summary>
public sealed class InvalidConfigurationStartsNothingTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private FeedHost _feed = null!;
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedHost.StartAsync(Rss.CeaseFireCall);
        _hook = await WebhookReceiver.StartAsync();
        _app.Feed("world", _feed.Url, interval: "00:00:01")
            .Topic("cease-fire", "(cease-fire OR truce", "desk-hook")
            .Webhook("desk-hook", _hook.Url);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _hook.DisposeAsync();
        _app.Dispose();
    }

    [Theory]
    [InlineData("once")]
    [InlineData("run")]
    public async Task A_bad_query_stops_the_verb_with_exit_2_before_any_feed_is_polled(string verb)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await _app.RunAsync(timeout.Token, verb);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AlertWorker:Topics:cease-fire:Query: 1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was started", result.Error, StringComparison.Ordinal);
        Assert.Empty(_feed.Server.Requests);
        Assert.Empty(_hook.Posts);
        Assert.False(Directory.Exists(_app.DataDirectory), "no database is created for an invalid configuration");
    }

    [Theory]
    [InlineData("once")]
    [InlineData("run")]
    public async Task A_channel_without_a_type_stops_the_verb_with_exit_2(string verb)
    {
        _app.Topic("cease-fire", "cease-fire", "desk-hook");
        _app.Channel("desk-hook", new JsonObject { ["Url"] = _hook.Url });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await _app.RunAsync(timeout.Token, verb);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AlertWorker:Channels:desk-hook:Type: is required", result.Error, StringComparison.Ordinal);
        Assert.Empty(_feed.Server.Requests);
    }
}
