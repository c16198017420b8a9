using System.Diagnostics;
using System.Text.Json.Nodes;
using AlertWorker.Alerts;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Alerts;

/// <summary>
/// The built executable as a child process, killed with SIGKILL at awkward moments and stopped with SIGTERM: no alert
/// is lost, a resend keeps its id, a delivered alert is not delivered again, and a clean stop exits 0 in time.
/// </summary>
public sealed class CrashSafetyTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static readonly Story Truce = Rss.Story("truce-2", "Truce holds for a second day");

    private readonly TestApp _app = new();
    private FeedHost _feed = null!;
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedHost.StartAsync(Rss.Weather, Rss.CeaseFireCall, Truce);
        _hook = await WebhookReceiver.StartAsync();
        _app.Feed("world", _feed.Url).PollEverySecond("world")
            .Topic("cease-fire", "cease-fire OR truce", "desk-hook")
            .Webhook("desk-hook", _hook.Url)
            .ChannelSetting("desk-hook", "Timeout", "00:00:02");
        _app.Root["Serilog"] = new JsonObject
        {
            ["MinimumLevel"] = new JsonObject { ["Default"] = "Information", ["Override"] = new JsonObject { ["Microsoft"] = "Warning", ["Quartz"] = "Warning", ["System"] = "Warning" } },
            ["WriteTo"] = new JsonArray(new JsonObject { ["Name"] = "Console" }),
        };
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _hook.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task An_alert_that_failed_before_a_kill_is_delivered_after_the_restart_with_the_same_id()
    {
        _hook.DefaultStatus = 503;
        using (var first = WorkerProcess.Run(_app))
        {
            await Eventually.HoldsAsync(() => _hook.Posts.Count >= 2, Patience, "the failing receiver gets both alerts", () => first.Output);
            first.Kill();
        }

        var idsBeforeTheKill = _hook.PostedIds.ToHashSet();
        _hook.DefaultStatus = 200;
        using var second = WorkerProcess.Run(_app);
        try
        {
            var took = await Eventually.HoldsAsync(() => _hook.Delivered.Count >= 2, Patience, "both alerts are delivered after the restart", () => second.Output);

            Assert.Equal(2, idsBeforeTheKill.Count);
            Assert.Equal(idsBeforeTheKill, _hook.Delivered.Select(body => body.GetProperty("id").GetString()).ToHashSet());
            Assert.True(took < TimeSpan.FromSeconds(20), $"a claim of the killed process held the alert for {took}");
        }
        finally
        {
            second.Kill();
        }
    }

    [Fact]
    public async Task An_alert_in_flight_when_killed_is_sent_again_soon_after_the_restart_with_the_same_id()
    {
        // The receiver has the request but the process dies before it records anything: its claims are left behind.
        _hook.ThenAnswerAfter(TimeSpan.FromSeconds(30)).ThenAnswerAfter(TimeSpan.FromSeconds(30));
        using (var first = WorkerProcess.Run(_app))
        {
            await Eventually.HoldsAsync(() => _hook.Posts.Count >= 2, Patience, "both alerts are in flight", () => first.Output);
            first.Kill();
        }

        var idsInFlight = _hook.PostedIds.ToHashSet();
        using var second = WorkerProcess.Run(_app);
        try
        {
            var took = await Eventually.HoldsAsync(() => _hook.Delivered.Count >= 2, Patience, "both alerts are delivered after the restart", () => second.Output);

            Assert.Equal(idsInFlight, _hook.Delivered.Select(body => body.GetProperty("id").GetString()).ToHashSet());
            // The dead process's claims last the 2 s attempt timeout plus 5 s, not minutes.
            Assert.True(took < TimeSpan.FromSeconds(15), $"the dead process's claims held the alerts for {took}");
        }
        finally
        {
            second.Kill();
        }
    }

    [Fact]
    public async Task An_alert_delivered_before_a_kill_is_not_delivered_again_after_the_restart()
    {
        using (var first = WorkerProcess.Run(_app))
        {
            await Eventually.HoldsAsync(() => _hook.Delivered.Count >= 2, Patience, "both alerts are delivered", () => first.Output);
            await Eventually.HoldsAsync(() => _app.AlertsAsync(AlertState.Sent).Result.Count == 2, Patience, "both alerts are recorded as sent");
            first.Kill();
        }

        var polls = _feed.Server.Requests.Count;
        using var second = WorkerProcess.Run(_app);
        try
        {
            await Eventually.HoldsAsync(() => _feed.Server.Requests.Count >= polls + 2, Patience, "the restarted process polls the feed again", () => second.Output);
            await Task.Delay(TimeSpan.FromSeconds(6)); // longer than the dispatch interval: time for any resend to happen

            Assert.Equal(2, _hook.Posts.Count);
            Assert.Equal(2, _hook.PostedIds.Distinct().Count());
        }
        finally
        {
            second.Kill();
        }
    }

    [Fact]
    public async Task Sigterm_drains_in_flight_attempts_and_exits_0_leaving_the_alerts_queued()
    {
        _app.ChannelSetting("desk-hook", "Timeout", "00:01:00");
        _hook.ThenAnswerAfter(TimeSpan.FromSeconds(60)).ThenAnswerAfter(TimeSpan.FromSeconds(60));
        using var worker = WorkerProcess.Run(_app);
        await Eventually.HoldsAsync(() => _hook.Posts.Count >= 2, Patience, "both attempts are in flight", () => worker.Output);

        var clock = Stopwatch.StartNew();
        worker.Terminate();
        var exitCode = await worker.ExitCodeAsync(TimeSpan.FromSeconds(25));
        var took = clock.Elapsed;

        Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: still running"} after {took}\n{worker.Output}");
        Assert.True(took < TimeSpan.FromSeconds(15), $"the shutdown took {took}, beyond the 10 s drain timeout");
        var pending = await _app.AlertsAsync(AlertState.Pending);
        Assert.Equal(2, pending.Count);
        Assert.All(pending, alert => Assert.Equal(0, alert.Attempts));
    }
}
