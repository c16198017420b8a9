using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Feeds;

/// <summary>Redirects, each against a loopback server and across a restart (a second <c>once</c> on the same data).</summary>
public sealed class FeedRedirectTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private FeedServer _server = null!;
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _hook = await WebhookReceiver.StartAsync();
        _app.Topic("cease-fire", "cease-fire OR truce", "desk-hook").Webhook("desk-hook", _hook.Url);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _hook.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task A_301_moves_the_feed_so_the_next_once_asks_only_the_new_url()
    {
        _server.Map("/old.xml", Answer.Redirect(301, _server.Url("/new.xml")))
            .Map("/new.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall), etag: "\"v1\""));
        _app.Feed("world", _server.Url("/old.xml"));

        await _app.RunAsync("once");
        var second = await _app.RunAsync("once");
        var feeds = await _app.RunAsync("feeds");

        Assert.Equal(0, second.ExitCode);
        Assert.Single(_server.RequestsTo("/old.xml"));
        Assert.Equal(["\"v1\""], _server.RequestsTo("/new.xml").Skip(1).Select(request => request.Header("If-None-Match")));
        var post = Assert.Single(_hook.Delivered);
        Assert.Equal(_server.Url("/old.xml"), post.GetProperty("feed").GetProperty("url").GetString()); // the configured URL names the feed
        Assert.Contains($"now polled at {_server.Url("/new.xml")}", feeds.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_temporary_redirect_is_followed_but_the_next_once_asks_the_configured_url_again(int status)
    {
        _server.Map("/old.xml", Answer.Redirect(status, _server.Url("/new.xml")))
            .Map("/new.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        _app.Feed("world", _server.Url("/old.xml"));

        await _app.RunAsync("once");
        await _app.RunAsync("once");
        var feeds = await _app.RunAsync("feeds");

        Assert.Equal(2, _server.RequestsTo("/old.xml").Count);
        Assert.Equal(2, _server.RequestsTo("/new.xml").Count);
        Assert.Single(_hook.Delivered);
        Assert.DoesNotContain("moved permanently", feeds.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_of_permanent_redirects_ending_in_304_moves_the_feed_to_its_end()
    {
        var document = Rss.Feed(Rss.CeaseFireCall);
        _server.Map("/a.xml", Answer.Feed(document, etag: "\"v1\""));
        _app.Feed("world", _server.Url("/a.xml"));
        await _app.RunAsync("once");
        _server.Map("/a.xml", Answer.Redirect(301, _server.Url("/b.xml")))
            .Map("/b.xml", Answer.Redirect(308, _server.Url("/c.xml")))
            .Map("/c.xml", Answer.Feed(document, etag: "\"v1\""));

        await _app.RunAsync("once");
        await _app.RunAsync("once");

        Assert.Equal(2, _server.RequestsTo("/a.xml").Count);
        Assert.Single(_server.RequestsTo("/b.xml"));
        Assert.Equal(["\"v1\"", "\"v1\""], _server.RequestsTo("/c.xml").Select(request => request.Header("If-None-Match")));
        Assert.Single(_hook.Delivered);
    }

    [Fact]
    public async Task A_relative_location_is_resolved_against_the_url_that_sent_it()
    {
        _server.Map("/desk/old.xml", Answer.Redirect(301, "new.xml"))
            .Map("/desk/new.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        _app.Feed("world", _server.Url("/desk/old.xml"));

        await _app.RunAsync("once");
        await _app.RunAsync("once");

        Assert.Single(_server.RequestsTo("/desk/old.xml"));
        Assert.Equal(2, _server.RequestsTo("/desk/new.xml").Count);
        Assert.Single(_hook.Delivered);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "redirect to a file: URL refused")]
    [InlineData("ftp://127.0.0.1/feed.xml", "redirect to a ftp: URL refused")]
    public async Task A_redirect_to_a_scheme_other_than_http_is_refused_and_fails_only_that_feed(string location, string error)
    {
        _server.Map("/evil.xml", Answer.Redirect(302, location)).Map("/good.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        _app.Feed("evil", _server.Url("/evil.xml")).Feed("good", _server.Url("/good.xml"));

        var once = await _app.RunAsync("once");
        var feeds = await _app.RunAsync("feeds");

        Assert.Equal(0, once.ExitCode);
        Assert.Contains(error, feeds.Output, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(_hook.Delivered).GetProperty("feed").GetProperty("name").GetString());
    }

    [Fact]
    public async Task More_redirects_than_the_limit_fail_the_feed_without_following_the_next()
    {
        _server.Map("/r0", Answer.Redirect(302, "/r1")).Map("/r1", Answer.Redirect(302, "/r2"))
            .Map("/r2", Answer.Redirect(302, "/r3")).Map("/r3", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        _app.Section["Fetch"] = new System.Text.Json.Nodes.JsonObject { ["MaxRedirects"] = 2 };
        _app.Feed("world", _server.Url("/r0"));

        await _app.RunAsync("once");
        var feeds = await _app.RunAsync("feeds");

        Assert.Contains("more than 2 redirects", feeds.Output, StringComparison.Ordinal);
        Assert.Empty(_server.RequestsTo("/r3"));
        Assert.Empty(_hook.Posts);
    }
}
