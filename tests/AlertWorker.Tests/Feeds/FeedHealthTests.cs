using System.Globalization;
using System.Text.Json.Nodes;
using AlertWorker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlertWorker.Tests.Feeds;

/// <summary>
/// Failures, 410, Retry-After, back-off and conditional GET, each stored so that a later <c>once</c> (a restart) is
/// as polite as the daemon. A fake clock stands for the time between two cron runs.
/// </summary>
public sealed class FeedHealthTests : FeedServerTestBase
{
    /// <summary>Shorter than every wait here, so the next poll the <c>feeds</c> verb shows is the wait's end.</summary>
    private const string Interval = "00:01:00";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero));

    protected override void Arrange()
    {
        App.Overrides = services => services.AddSingleton<TimeProvider>(_clock);
    }

    [Fact]
    public async Task A_410_disables_the_feed_until_its_url_changes()
    {
        Server.Map("/gone.xml", Answer.Status(410)).Map("/gone.xml?v=2", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        App.Feed("world", Server.Url("/gone.xml"), interval: Interval);

        await App.RunAsync("once");
        _clock.Advance(TimeSpan.FromDays(30));
        await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Single(Server.RequestsTo("/gone.xml"));
        Assert.Contains("never (410 Gone)", feeds.Output, StringComparison.Ordinal);
        Assert.Contains("HTTP 410 Gone", feeds.Output, StringComparison.Ordinal);

        App.Feed("world", Server.Url("/gone.xml?v=2"), interval: Interval);
        await App.RunAsync("once");

        Assert.Single(Hook.Delivered);
    }

    public static TheoryData<int, Func<DateTimeOffset, string>> Throttles => new()
    {
        { 429, _ => "3600" },
        { 503, now => (now + TimeSpan.FromHours(1)).ToString("R", CultureInfo.InvariantCulture) },
    };

    [Theory]
    [MemberData(nameof(Throttles))]
    public async Task Retry_After_in_seconds_or_as_a_date_defers_the_next_poll_at_least_that_long(int status, Func<DateTimeOffset, string> retryAfter)
    {
        Server.Map("/busy.xml", Answer.Status(status, retryAfter(_clock.GetUtcNow())));
        App.Feed("world", Server.Url("/busy.xml"), interval: Interval);

        await App.RunAsync("once");
        _clock.Advance(TimeSpan.FromMinutes(59));
        await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Single(Server.RequestsTo("/busy.xml"));
        Assert.Contains("2026-11-25 19:00:00", feeds.Output, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await App.RunAsync("once");

        Assert.Equal(2, Server.RequestsTo("/busy.xml").Count);
    }

    [Fact]
    public async Task Failures_back_off_exponentially_and_a_success_resets_them()
    {
        Server.Map("/flaky.xml", Answer.Status(500));
        App.Feed("world", Server.Url("/flaky.xml"), interval: Interval);

        // Asked at 0, 1 and 3 minutes: waits of 1 then 2 minutes; the runs in between ask nothing.
        foreach (var minutes in new[] { 0, 0.5, 1, 2, 3, 4 })
        {
            _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero) + TimeSpan.FromMinutes(minutes));
            await App.RunAsync("once");
        }

        var failing = await App.RunAsync("feeds");
        Assert.Equal(3, Server.RequestsTo("/flaky.xml").Count);
        Assert.Matches(@"world\s+never\s+3\s+2026-11-25 18:07:00\s+HTTP 500 Internal Server Error", failing.Output);

        Server.Map("/flaky.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 18, 7, 0, TimeSpan.Zero));
        await App.RunAsync("once");
        Server.Map("/flaky.xml", Answer.Status(500));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await App.RunAsync("once");
        var again = await App.RunAsync("feeds");

        Assert.Single(Hook.Delivered);
        Assert.Matches(@"world\s+2026-11-25 18:07:00\s+1\s+2026-11-25 18:09:00\s+HTTP 500", again.Output); // back to a one-minute wait
    }

    [Fact]
    public async Task The_back_off_is_capped_by_Fetch_MaxBackoff()
    {
        Server.Map("/down.xml", Answer.Status(500));
        App.Section["Fetch"] = new JsonObject { ["MaxBackoff"] = "00:03:00" };
        App.Feed("world", Server.Url("/down.xml"), interval: Interval);

        await App.RunAsync("once");
        for (var run = 1; run < 5; run++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            await App.RunAsync("once");
        }

        var feeds = await App.RunAsync("feeds");
        Assert.Matches(@"world\s+never\s+5\s+2026-11-25 22:03:00", feeds.Output);
    }

    [Fact]
    public async Task Last_Modified_goes_back_verbatim_and_no_ETag_is_sent_unless_the_server_gave_one()
    {
        const string lastModified = "Wed, 25 Nov 2026 17:30:00 GMT";
        Server.Map("/feed.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall), lastModified: lastModified));
        App.Feed("world", Server.Url("/feed.xml"), interval: Interval);

        await App.RunAsync("once");
        await App.RunAsync("once");

        var requests = Server.RequestsTo("/feed.xml");
        Assert.Equal([null, lastModified], requests.Select(request => request.Header("If-Modified-Since")));
        Assert.All(requests, request => Assert.Null(request.Header("If-None-Match")));
        Assert.Single(Hook.Delivered);
    }

    [Fact]
    public async Task An_ETag_the_server_stops_sending_is_no_longer_sent_back()
    {
        Server.Map("/feed.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall), etag: "W/\"v1\""));
        App.Feed("world", Server.Url("/feed.xml"), interval: Interval);
        await App.RunAsync("once");
        Server.Map("/feed.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall, Rss.Weather)));

        await App.RunAsync("once");
        await App.RunAsync("once");

        Assert.Equal([null, "W/\"v1\"", null], Server.RequestsTo("/feed.xml").Select(request => request.Header("If-None-Match")));
    }

    [Fact]
    public async Task A_failure_streak_reaching_the_threshold_raises_one_feed_failure_alert_per_streak()
    {
        Server.Map("/bad.xml", Answer.Status(500));
        App.Section["FeedFailures"] = new JsonObject { ["Threshold"] = 2, ["Channels"] = new JsonArray("desk-hook") };
        App.Feed("world", Server.Url("/bad.xml"), interval: Interval);

        for (var run = 0; run < 4; run++)
        {
            await App.RunAsync("once");
            _clock.Advance(TimeSpan.FromHours(1));
        }

        var first = Assert.Single(Hook.Delivered);
        Assert.Equal("feed-failure", first.GetProperty("topic").GetString());
        Assert.Equal("Feed world has failed 2 polls in a row", first.GetProperty("item").GetProperty("title").GetString());
        Assert.Contains("HTTP 500", first.GetProperty("item").GetProperty("summary").GetString(), StringComparison.Ordinal);

        Server.Map("/bad.xml", Answer.Feed(Rss.Feed(Rss.Weather)));
        await App.RunAsync("once");
        Server.Map("/bad.xml", Answer.Status(500));
        for (var run = 0; run < 3; run++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            await App.RunAsync("once");
        }

        Assert.Equal(2, Hook.Delivered.Count);
        Assert.Equal(2, Hook.Delivered.Select(alert => alert.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_410_raises_a_feed_failure_alert_saying_the_feed_is_gone()
    {
        Server.Map("/gone.xml", Answer.Status(410));
        App.Section["FeedFailures"] = new JsonObject { ["Channels"] = new JsonArray("desk-hook") };
        App.Feed("world", Server.Url("/gone.xml"), interval: Interval);

        await App.RunAsync("once");
        await App.RunAsync("once");

        var alert = Assert.Single(Hook.Delivered);
        Assert.Equal("feed-failure", alert.GetProperty("topic").GetString());
        Assert.Equal("Feed world is gone (HTTP 410) and is no longer polled", alert.GetProperty("item").GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_feed_failure_channel_is_a_configuration_error_naming_its_path()
    {
        App.Section["FeedFailures"] = new JsonObject { ["Threshold"] = 0, ["Channels"] = new JsonArray("nowhere") };

        var result = await App.RunAsync("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AlertWorker:FeedFailures:Channels:0: no channel named 'nowhere'", result.Error, StringComparison.Ordinal);
        Assert.Contains("AlertWorker:FeedFailures:Threshold", result.Error, StringComparison.Ordinal);
    }
}
