using System.Text.Json;
using System.Text.Json.Nodes;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Configuration;

/// <summary>
/// <c>run</c> in-process against a real feed server and webhook receiver, while the test edits the configuration
/// file: valid changes apply without a restart, invalid ones are refused and the daemon carries on as it was.
/// </summary>
public sealed class HotReloadTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly ConfigurationEvents _events = new();
    private readonly CancellationTokenSource _stop = new();
    private FeedHost _feed = null!;
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedHost.StartAsync(Rss.Weather, Rss.Football);
        _hook = await WebhookReceiver.StartAsync();
        _app.Overrides = _events.Install;
        _app.Webhook("desk-hook", _hook.Url);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        await _feed.DisposeAsync();
        await _hook.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task A_new_topic_and_feed_apply_without_a_restart_and_an_invalid_edit_is_refused_while_the_old_configuration_runs_on()
    {
        _app.Feed("world", _feed.Url, firstPoll: "Baseline", interval: "00:00:01").Topic("storms", "storm", "desk-hook");
        var running = _app.RunAsync(_stop.Token, "run");
        await Eventually.TrueAsync(() => Polls("/feed.xml") >= 1, "the feed was polled once (its backlog is the baseline)");

        _app.Topic("cease-fire", "cease-fire OR truce", "desk-hook")
            .Feed("late", _feed.Server.Url("/late.xml"), firstPoll: "Baseline", interval: "00:00:01");
        _app.Save();
        await Eventually.TrueAsync(() => _events.Applied.Any(settings => settings.Options.Topics.ContainsKey("cease-fire")), "the edit was applied");
        await Eventually.TrueAsync(() => Polls("/late.xml") >= 1, "the new feed was polled");
        _feed.Publish(Rss.Weather, Rss.Football, Rss.CeaseFireCall);
        await Eventually.TrueAsync(() => Alerted("cease-fire", "call-1", "world"), "the new topic alerted on a story of the old feed");
        await Eventually.TrueAsync(() => Alerted("cease-fire", "call-1", "late"), "the new topic alerted on a story of the new feed");

        // An edit that would drop the topic, but does not validate: refused, and the topic keeps alerting.
        _app.Section["Topics"]!.AsObject().Remove("cease-fire");
        _app.Topic("broken", "(truce", "desk-hook");
        _app.Save();
        await Eventually.TrueAsync(() => !_events.Refusals.IsEmpty, "the invalid edit was refused");
        Assert.Contains(_events.Refusals.Single(), line => line.StartsWith("AlertWorker:Topics:broken:Query: 1:", StringComparison.Ordinal));
        _feed.Publish(Rss.Weather, Rss.Football, Rss.CeaseFireCall, Rss.Story("truce-2", "Truce holds for a second day"));
        await Eventually.TrueAsync(() => Alerted("cease-fire", "truce-2", "world"), "the running configuration still alerted");

        Assert.False(running.IsCompleted, "the daemon keeps running");
        await _stop.CancelAsync();
        var result = await running;
        Assert.Equal(0, result.ExitCode);
        Assert.Single(_events.Applied);

        // Nothing stored was lost: the old feed's baseline held through the reload, and no story was alerted twice.
        Assert.DoesNotContain(_hook.Delivered, body => body.GetProperty("item").GetProperty("id").GetString() == Rss.Weather.Id);
        Assert.Single(_hook.Delivered, body => body.GetProperty("item").GetProperty("id").GetString() == "call-1" && body.GetProperty("feed").GetProperty("name").GetString() == "world");
    }

    [Fact]
    public async Task Removed_and_disabled_feeds_stop_being_polled_and_a_changed_interval_reschedules()
    {
        _app.Feed("a", _feed.Server.Url("/a.xml"), interval: "00:00:01")
            .Feed("b", _feed.Server.Url("/b.xml"), interval: "00:00:01")
            .Feed("c", _feed.Server.Url("/c.xml"), interval: "00:10:00")
            .Topic("storms", "storm", "desk-hook");
        var running = _app.RunAsync(_stop.Token, "run");
        await Eventually.TrueAsync(() => Polls("/a.xml") >= 2 && Polls("/b.xml") >= 2 && Polls("/c.xml") == 1, "every feed was polled");

        _app.Section["Feeds"]!.AsObject().Remove("a");
        _app.Section["Feeds"]!["b"]!["Enabled"] = false;
        _app.Section["Feeds"]!["c"]!["Interval"] = "00:00:01";
        _app.Save();
        await Eventually.TrueAsync(() => Polls("/c.xml") >= 2, "the changed interval was rescheduled");
        var (a, b) = (Polls("/a.xml"), Polls("/b.xml"));
        await Eventually.TrueAsync(() => Polls("/c.xml") >= 4, "the rescheduled feed was polled a few more times");

        Assert.Equal(a, Polls("/a.xml"));
        Assert.Equal(b, Polls("/b.xml"));
        await _stop.CancelAsync();
        Assert.Equal(0, (await running).ExitCode);
    }

    [Fact]
    public async Task A_half_written_or_malformed_file_is_refused_without_stopping_the_daemon_and_a_later_fix_applies()
    {
        _app.Feed("world", _feed.Url, firstPoll: "Baseline", interval: "00:00:01").Topic("storms", "storm", "desk-hook");
        var running = _app.RunAsync(_stop.Token, "run");
        await Eventually.TrueAsync(() => Polls("/feed.xml") >= 1, "the feed was polled once");

        await File.WriteAllTextAsync(_app.ConfigPath, """{ "AlertWorker": { "Feeds": { "world": """);
        await Eventually.TrueAsync(() => !_events.Refusals.IsEmpty, "the malformed file was refused", TimeSpan.FromSeconds(30));
        Assert.Contains("appsettings.json: invalid JSON at line 1", Assert.Single(_events.Refusals.Single()), StringComparison.Ordinal);
        var polls = Polls("/feed.xml");
        await Eventually.TrueAsync(() => Polls("/feed.xml") >= polls + 2, "the feed is still polled on the old configuration");

        _app.Topic("cease-fire", "cease-fire", "desk-hook");
        _app.Save();
        await Eventually.TrueAsync(() => _events.Applied.Any(settings => settings.Options.Topics.ContainsKey("cease-fire")), "the fixed file was applied");
        _feed.Publish(Rss.Weather, Rss.Football, Rss.CeaseFireCall);
        await Eventually.TrueAsync(() => Alerted("cease-fire", "call-1", "world"), "the new topic alerted");

        await _stop.CancelAsync();
        Assert.Equal(0, (await running).ExitCode);
    }

    private int Polls(string path) => _feed.Server.Requests.Count(request => request.PathAndQuery == path);

    private bool Alerted(string topic, string item, string feed) => _hook.Delivered.Any(body =>
        body.GetProperty("topic").GetString() == topic
        && body.GetProperty("item").GetProperty("id").GetString() == item
        && body.GetProperty("feed").GetProperty("name").GetString() == feed);
}
