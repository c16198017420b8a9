using System.Text.Json;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Cli;

/// <summary>The whole pipeline through the <c>once</c> verb, against a real feed server, SMTP server and webhook receiver.</summary>
public sealed class OnceCommandTests : IAsyncLifetime
{
    private const string Secret = "whsec_dGVzdC1zZWNyZXQtZm9yLWFsZXJ0d29ya2Vy";

    private readonly TestApp _app = new();
    private readonly SmtpTestServer _smtp = new SmtpTestServer().Start();
    private FeedHost _feed = null!;
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedHost.StartAsync(Rss.Weather, Rss.CeaseFireCall, Rss.Football);
        _hook = await WebhookReceiver.StartAsync();
        _app.Feed("world", _feed.Url)
            .Topic("cease-fire", "cease-fire OR truce", "desk-mail", "desk-hook")
            .Email("desk-mail", _smtp.Port)
            .Webhook("desk-hook", _hook.Url, Secret);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _hook.DisposeAsync();
        _smtp.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task A_matching_story_is_mailed_and_posted_once_with_a_valid_signature()
    {
        var result = await _app.RunAsync("once");

        Assert.Equal(0, result.ExitCode);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal("[cease-fire] Biden and Netanyahu discuss cease-fire deal in late-night call", mail.Subject);
        Assert.Contains("https://news.example.test/call-1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("cease-fire deal", mail.HtmlBody, StringComparison.Ordinal);
        var post = Assert.Single(_hook.Posts);
        Assert.True(WebhookReceiver.IsSignedWith(post, Secret), "the webhook signature must verify");
        Assert.StartsWith("application/json", post.Header("Content-Type"), StringComparison.Ordinal);
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal(post.Header("webhook-id"), body.GetProperty("id").GetString());
        Assert.Equal($"{mail.Headers["X-AlertWorker-Alert-Id"]}@alertworker", mail.MessageId);
        Assert.NotEqual(body.GetProperty("id").GetString(), mail.Headers["X-AlertWorker-Alert-Id"]); // one alert per channel
        Assert.Equal("cease-fire", body.GetProperty("topic").GetString());
        Assert.Equal("world", body.GetProperty("feed").GetProperty("name").GetString());
        Assert.Equal(_feed.Url, body.GetProperty("feed").GetProperty("url").GetString());
        Assert.Equal("call-1", body.GetProperty("item").GetProperty("id").GetString());
        Assert.Equal("2026-11-25T18:02:00Z", body.GetProperty("item").GetProperty("published").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", body.GetProperty("detectedAt").GetString());
        Assert.Contains(body.GetProperty("matches").EnumerateArray(), match => match.GetProperty("field").GetString() == "title");
        Assert.True(long.Parse(post.Header("webhook-timestamp")!, System.Globalization.CultureInfo.InvariantCulture) > 1_700_000_000);
    }

    [Fact]
    public async Task A_second_cycle_is_answered_304_and_sends_nothing()
    {
        await _app.RunAsync("once");

        var second = await _app.RunAsync("once");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, _feed.NotModifiedCount);
        Assert.Single(_smtp.Messages);
        Assert.Single(_hook.Posts);
    }

    [Fact]
    public async Task A_new_feed_backlog_raises_nothing_by_default_and_a_later_story_is_alerted_once()
    {
        _app.Feed("world", _feed.Url, firstPoll: "Baseline");

        await _app.RunAsync("once");
        Assert.Empty(_smtp.Messages);
        Assert.Empty(_hook.Posts);

        _feed.Publish(Rss.Weather, Rss.CeaseFireCall, Rss.Football, Rss.Story("truce-2", "Truce holds for a second day"));
        await _app.RunAsync("once");
        await _app.RunAsync("once");

        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal("[cease-fire] Truce holds for a second day", mail.Subject);
        Assert.Single(_hook.Posts);
    }

    [Fact]
    public async Task The_same_story_appearing_again_is_not_alerted_again()
    {
        await _app.RunAsync("once");
        _feed.Publish(Rss.CeaseFireCall); // the feed changes (no 304), but the story is the one already alerted

        await _app.RunAsync("once");

        Assert.Single(_smtp.Messages);
        Assert.Single(_hook.Posts);
    }

    [Fact]
    public async Task A_failing_channel_leaves_its_alert_queued_and_the_next_cycle_delivers_it_with_the_same_id()
    {
        _hook.ThenAnswer(500);

        var first = await _app.RunAsync("once");
        var pending = await _app.RunAsync("alerts", "--state", "pending");
        var second = await _app.RunAsync("once");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("answered 500", pending.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(2, _hook.Posts.Count);
        Assert.Equal(_hook.Posts[0].Header("webhook-id"), _hook.Posts[1].Header("webhook-id"));
        Assert.Single(_hook.Delivered);
        Assert.Single(_smtp.Messages); // the mail channel was not held up or repeated by the failing webhook
    }

    [Fact]
    public async Task A_title_written_as_escaped_html_arrives_as_plain_text()
    {
        _feed.Publish(Rss.Story("truce-3", "Truce agreed in <b>Gaza</b> &amp; Rafah"));

        await _app.RunAsync("once");

        var body = JsonDocument.Parse(Assert.Single(_hook.Posts).Body).RootElement;
        Assert.Equal("Truce agreed in Gaza & Rafah", body.GetProperty("item").GetProperty("title").GetString());
        Assert.Equal("[cease-fire] Truce agreed in Gaza & Rafah", Assert.Single(_smtp.Messages).Subject);
    }

    [Fact]
    public async Task A_story_carried_by_two_feeds_is_alerted_once_when_its_guid_names_it()
    {
        var story = Rss.Story("https://news.example.test/2026/11/truce-holds", "Truce holds for a third day");
        _feed.Publish(story, Rss.Story("serial-7", "Truce talks resume"));
        _app.Feed("top-stories", _feed.Url);

        await _app.RunAsync("once");

        var titles = _hook.Posts.Select(post => JsonDocument.Parse(post.Body).RootElement.GetProperty("item").GetProperty("title").GetString()).ToList();
        Assert.Single(titles, story.Title); // a URL guid names the story wherever it appears
        Assert.Equal(2, titles.Count(title => title == "Truce talks resume")); // a feed's own serial number may mean another story elsewhere
    }
}
