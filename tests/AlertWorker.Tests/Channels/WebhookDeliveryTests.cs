using System.Diagnostics;
using System.Globalization;
using AlertWorker.Alerts;
using AlertWorker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlertWorker.Tests.Channels;

/// <summary>How each answer of a real webhook receiver decides an alert's fate, one <c>once</c> cycle at a time.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private FeedHost _feed = null!;
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedHost.StartAsync(Rss.Weather, Rss.CeaseFireCall);
        _hook = await WebhookReceiver.StartAsync();
        _app.Feed("world", _feed.Url)
            .Topic("cease-fire", "cease-fire OR truce", "desk-hook")
            .Webhook("desk-hook", _hook.Url);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _hook.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task Two_503_answers_then_a_200_deliver_on_the_third_attempt_with_one_id()
    {
        _hook.ThenAnswer(503, 503);

        for (var cycle = 0; cycle < 3; cycle++)
        {
            Assert.Equal(0, (await _app.RunAsync("once")).ExitCode);
        }

        Assert.Equal(3, _hook.Posts.Count);
        Assert.Single(_hook.PostedIds.Distinct());
        Assert.Single(_hook.Delivered);
        var sent = Assert.Single(await _app.AlertsAsync(AlertState.Sent));
        Assert.Equal(3, sent.Attempts);
        Assert.Equal(_hook.PostedIds[0], sent.Id);
    }

    [Fact]
    public async Task A_failure_names_the_receiver_without_the_token_in_its_url()
    {
        _app.Webhook("desk-hook", _hook.Server.Url("/hooks/T0KEN-IN-PATH?key=S3CRET"));
        _hook.ThenAnswer(500);

        var once = await _app.RunAsync("once");
        var listed = await _app.RunAsync("alerts", "--state", "pending");

        Assert.Single(_hook.Posts);
        Assert.Contains($"POST to {_hook.Server.BaseUrl}/… answered 500", listed.Output, StringComparison.Ordinal);
        foreach (var text in new[] { once.Output, once.Error, listed.Output, listed.Error })
        {
            Assert.DoesNotContain("T0KEN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("S3CRET", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_retryable_answer_leaves_the_alert_queued_with_its_error(int status)
    {
        _hook.ThenAnswer(status);

        await _app.RunAsync("once");

        var pending = Assert.Single(await _app.AlertsAsync(AlertState.Pending));
        Assert.Equal(1, pending.Attempts);
        Assert.Contains($"answered {status}", pending.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(422)]
    public async Task A_final_answer_makes_a_dead_letter_after_one_attempt(int status)
    {
        _hook.ThenAnswer(status);

        await _app.RunAsync("once");
        await _app.RunAsync("once");

        Assert.Single(_hook.Posts);
        var dead = Assert.Single(await _app.AlertsAsync(AlertState.Dead));
        Assert.Equal(1, dead.Attempts);
        Assert.Contains($"answered {status}", dead.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, false)]
    [InlineData(503, true)]
    public async Task No_attempt_is_made_before_a_retry_after_has_elapsed(int status, bool asHttpDate)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _app.Overrides = services => services.AddSingleton<TimeProvider>(clock);
        _hook.ThenAnswer(status, asHttpDate ? (clock.GetUtcNow() + TimeSpan.FromSeconds(120)).ToString("r", CultureInfo.InvariantCulture) : "120");

        await _app.RunAsync("once");
        clock.Advance(TimeSpan.FromSeconds(60));
        await _app.RunAsync("once");
        Assert.Single(_hook.Posts);

        clock.Advance(TimeSpan.FromSeconds(61));
        await _app.RunAsync("once");

        Assert.Equal(2, _hook.Posts.Count);
        Assert.Single(_hook.Delivered);
    }

    [Fact]
    public async Task Exhausted_retries_make_a_dead_letter_with_the_last_error()
    {
        _app.ChannelSetting("desk-hook", "Retry:MaxAttempts", 2);
        _hook.ThenAnswer(500, 502);

        await _app.RunAsync("once");
        await _app.RunAsync("once");
        await _app.RunAsync("once");

        Assert.Equal(2, _hook.Posts.Count);
        var dead = Assert.Single(await _app.AlertsAsync(AlertState.Dead));
        Assert.Equal(2, dead.Attempts);
        Assert.Contains("answered 502", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_letter_is_listed_requeued_and_then_delivered_with_the_same_id()
    {
        _hook.ThenAnswer(400);
        await _app.RunAsync("once");

        var dead = await _app.RunAsync("alerts", "--state", "dead");
        var pendingBefore = await _app.RunAsync("alerts", "--state", "pending");
        var retry = await _app.RunAsync("alerts", "retry", "--dead");
        await _app.RunAsync("once");
        var sent = await _app.RunAsync("alerts", "--state", "sent");

        Assert.Equal(0, dead.ExitCode);
        Assert.Contains(_hook.PostedIds[0]!, dead.Output, StringComparison.Ordinal);
        Assert.Contains("Biden and Netanyahu discuss cease-fire deal", dead.Output, StringComparison.Ordinal);
        Assert.Contains("desk-hook", dead.Output, StringComparison.Ordinal);
        Assert.Contains("answered 400", dead.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_hook.PostedIds[0]!, pendingBefore.Output, StringComparison.Ordinal);
        Assert.Equal(0, retry.ExitCode);
        Assert.Contains("re-queued 1 dead letter(s)", retry.Output, StringComparison.Ordinal);
        Assert.Equal(2, _hook.Posts.Count);
        Assert.Single(_hook.PostedIds.Distinct());
        Assert.Single(_hook.Delivered);
        Assert.Contains(_hook.PostedIds[0]!, sent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_dead_letter_is_requeued_by_its_id_and_an_unknown_id_is_an_error()
    {
        _hook.ThenAnswer(404);
        await _app.RunAsync("once");
        var id = _hook.PostedIds[0]!;

        var unknown = await _app.RunAsync("alerts", "retry", "0123456789abcdef0123456789abcdef");
        var retry = await _app.RunAsync("alerts", "retry", id);
        var again = await _app.RunAsync("alerts", "retry", id);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no alert with id", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, retry.ExitCode);
        Assert.Contains($"re-queued {id}", retry.Output, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("is pending, not dead", again.Error, StringComparison.Ordinal);
        Assert.Equal(AlertState.Pending, Assert.Single(await _app.AlertsAsync(AlertState.Pending)).State);
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        _app.Webhook("desk-hook", $"http://127.0.0.1:{SmtpTestServer.FreePort()}/hooks/alerts");

        var result = await _app.RunAsync("once");

        Assert.Equal(0, result.ExitCode);
        var pending = Assert.Single(await _app.AlertsAsync(AlertState.Pending));
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("failed", pending.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_slower_than_the_timeout_is_given_up_on_and_retried()
    {
        _app.ChannelSetting("desk-hook", "Timeout", "00:00:01");
        _hook.ThenAnswerAfter(TimeSpan.FromSeconds(5));

        var clock = Stopwatch.StartNew();
        await _app.RunAsync("once");
        var took = clock.Elapsed;
        await _app.RunAsync("once");

        Assert.True(took < TimeSpan.FromSeconds(4), $"the attempt should end after its 1 s timeout, the cycle took {took}");
        Assert.Equal(2, _hook.Posts.Count);
        Assert.Single(_hook.PostedIds.Distinct());
        var sent = Assert.Single(await _app.AlertsAsync(AlertState.Sent));
        Assert.Equal(2, sent.Attempts);
    }
}
