using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Feeds;

/// <summary>The size cap, compression, the time limit, local files and the concurrency limits, against real servers.</summary>
public sealed class FeedLimitsTests : FeedServerTestBase
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public async Task A_body_exactly_at_the_cap_is_read_and_one_byte_more_is_refused(int over, bool declareLength)
    {
        const int cap = 4096;
        App.Section["Fetch"] = new JsonObject { ["MaxResponseBytes"] = cap };
        Server.Map("/feed.xml", Answer.Bytes(PaddedTo(cap + over, Rss.Feed(Rss.CeaseFireCall)), declareLength: declareLength));
        App.Feed("world", Server.Url("/feed.xml"));

        await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Equal(over == 0 ? 1 : 0, Hook.Delivered.Count);
        Assert.Equal(over == 1, feeds.Output.Contains($"response larger than {cap} bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gzip_compressed_feed_is_inflated_and_alerted()
    {
        Server.Map("/feed.xml", Answer.Gzip(Encoding.UTF8.GetBytes(Rss.Feed(Rss.CeaseFireCall))));
        App.Feed("world", Server.Url("/feed.xml"));

        await App.RunAsync("once");

        Assert.Single(Hook.Delivered);
        Assert.Contains("gzip", Server.RequestsTo("/feed.xml")[0].Header("Accept-Encoding"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_bomb_is_refused_as_too_large_after_inflating_no_more_than_the_cap()
    {
        var bomb = Answer.Gzipped(new byte[64 * 1024 * 1024]);
        Assert.True(bomb.Length < 100 * 1024, "the bomb is small on the wire");
        Server.Map("/bomb.xml", Answer.GzipEncoded(bomb));
        App.Feed("world", Server.Url("/bomb.xml"));

        var once = await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Equal(0, once.ExitCode);
        Assert.Contains("response larger than 10485760 bytes", feeds.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_sends_headers_then_drips_a_byte_a_second_fails_at_the_timeout()
    {
        App.Section["Fetch"] = new JsonObject { ["Timeout"] = "00:00:02" };
        Server.Map("/slow.xml", Answer.Drip());
        App.Feed("world", Server.Url("/slow.xml"));

        var clock = Stopwatch.StartNew();
        var once = await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Equal(0, once.ExitCode);
        Assert.Contains("no complete answer within 2 s", feeds.Output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}: the drip (a minute long) was not cut off");
    }

    [Fact]
    public async Task A_file_url_and_a_plain_relative_path_are_read_from_disk()
    {
        var path = App.Directory.File("world.xml");
        await File.WriteAllTextAsync(path, Rss.Feed(Rss.CeaseFireCall));
        App.Feed("by-url", new Uri(path).AbsoluteUri).Feed("by-path", Path.GetRelativePath(Directory.GetCurrentDirectory(), path));

        var once = await App.RunAsync("once");

        Assert.Equal(0, once.ExitCode);
        Assert.Equal(["by-path", "by-url"], Hook.Delivered.Select(alert => alert.GetProperty("feed").GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task A_missing_file_fails_only_its_feed_with_its_path_named()
    {
        var path = App.Directory.File("missing.xml");
        App.Feed("missing", path);

        await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Contains($"no such file: {path}", feeds.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Six_feeds_on_one_host_are_fetched_at_most_two_at_a_time()
    {
        for (var feed = 1; feed <= 6; feed++)
        {
            var story = Rss.Story($"truce-{feed}", $"Truce {feed} holds");
            var answer = Answer.Feed(Rss.Feed(story));
            Server.Map($"/f{feed}.xml", async context =>
            {
                await Task.Delay(300, context.RequestAborted);
                await answer(context);
            });
            App.Feed($"f{feed}", Server.Url($"/f{feed}.xml"));
        }

        await App.RunAsync("once");

        Assert.Equal(2, Server.PeakInFlight);
        Assert.Equal(6, Hook.Delivered.Count);
    }

    [Fact]
    public async Task Feeds_queued_for_a_busy_host_do_not_hold_up_another_host()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        App.Section["Fetch"] = new JsonObject { ["MaxConcurrentPolls"] = 2, ["MaxConcurrentPollsPerHost"] = 1 };
        for (var feed = 1; feed <= 4; feed++)
        {
            Server.Map($"/busy{feed}.xml", async context =>
            {
                await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await Answer.Feed(Rss.Feed())(context);
            });
            App.Feed($"busy{feed}", Server.Url($"/busy{feed}.xml"));
        }

        // "localhost" is another host name for the same loopback server.
        Server.Map("/other.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        App.Feed("other", Server.Url("/other.xml").Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        var once = App.RunAsync("once");
        var deadline = Stopwatch.StartNew();
        while (Server.RequestsTo("/other.xml").Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        var otherServedWhileBusy = Server.RequestsTo("/other.xml").Count == 1;
        release.SetResult();
        await once;

        Assert.True(otherServedWhileBusy, "the other host waited behind the busy one");
        Assert.Equal(4, Enumerable.Range(1, 4).Sum(feed => Server.RequestsTo($"/busy{feed}.xml").Count));
    }

    /// <summary>The document with an XML comment before its root element, making it exactly <paramref name="size"/> bytes.</summary>
    private static byte[] PaddedTo(int size, string document)
    {
        var declarationEnd = document.IndexOf("?>", StringComparison.Ordinal) + 2;
        var bare = Encoding.UTF8.GetByteCount(document) + "<!---->".Length;
        var padding = new string('x', size - bare);
        var padded = Encoding.UTF8.GetBytes(document.Insert(declarationEnd, $"<!--{padding}-->"));
        Assert.Equal(size, padded.Length);
        return padded;
    }
}
