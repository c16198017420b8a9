using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Alerts;

/// <summary>The daemon, in-process: a slow receiver never holds up another channel, nor its own next alerts.</summary>
public sealed class ChannelIsolationTests : IAsyncLifetime
{
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(6);
    private static readonly Story Truce = Rss.Story("truce-2", "Truce holds for a second day");

    private readonly TestApp _app = new();
    private FeedHost _feed = null!;
    private WebhookReceiver _slow = null!;
    private WebhookReceiver _fast = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedHost.StartAsync(Rss.Weather, Rss.CeaseFireCall);
        _slow = await WebhookReceiver.StartAsync();
        _fast = await WebhookReceiver.StartAsync();
        _slow.ThenAnswerAfter(SlowAnswer).ThenAnswerAfter(SlowAnswer);
        _app.Feed("world", _feed.Url).PollEverySecond("world")
            .Topic("cease-fire", "cease-fire OR truce", "slow-hook", "fast-hook")
            .Webhook("slow-hook", _slow.Url)
            .Webhook("fast-hook", _fast.Url);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _slow.DisposeAsync();
        await _fast.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task A_slow_channel_does_not_delay_a_fast_one_across_dispatch_passes()
    {
        using var stop = new CancellationTokenSource();
        var daemon = _app.RunAsync(stop.Token, "run");
        try
        {
            await Eventually.HoldsAsync(() => _fast.Delivered.Count == 1 && _slow.Posts.Count == 1, TimeSpan.FromSeconds(20), "the first story reaches both receivers");
            _feed.Publish(Rss.Weather, Rss.CeaseFireCall, Truce);

            var took = await Eventually.HoldsAsync(() => _fast.Delivered.Count == 2, TimeSpan.FromSeconds(20), "the second story reaches the fast receiver");

            Assert.True(_slow.Delivered.Count == 0, $"the fast channel waited for the slow one ({took.TotalSeconds:0.0} s)");
            // The slow channel's own next alert did not wait for its first attempt either: it has free slots.
            await Eventually.HoldsAsync(() => _slow.Posts.Count == 2, TimeSpan.FromSeconds(4), "the second story is posted to the slow receiver");
            Assert.True(_slow.Delivered.Count == 0, "the slow channel's second alert waited for its first attempt");
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, (await daemon.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode);
        }
    }
}
