using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Feeds;

/// <summary>Redirects, each against a loopback server and across a restart (a second <c>once</c> on the same data).</summary>
public sealed class FeedRedirectTests : FeedServerTestBase
{
    [Fact]
    public async Task A_301_moves_the_feed_so_the_next_once_asks_only_the_new_url()
    {
        Server.Map("/old.xml", Answer.Redirect(301, Server.Url("/new.xml")))
            .Map("/new.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall), etag: "\"v1\""));
        App.Feed("world", Server.Url("/old.xml"));

        await App.RunAsync("once");
        var second = await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Equal(0, second.ExitCode);
        Assert.Single(Server.RequestsTo("/old.xml"));
        Assert.Equal(["\"v1\""], Server.RequestsTo("/new.xml").Skip(1).Select(request => request.Header("If-None-Match")));
        var post = Assert.Single(Hook.Delivered);
        Assert.Equal(Server.Url("/old.xml"), post.GetProperty("feed").GetProperty("url").GetString()); // the configured URL names the feed
        Assert.Contains($"now polled at {Server.Url("/new.xml")}", feeds.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_temporary_redirect_is_followed_but_the_next_once_asks_the_configured_url_again(int status)
    {
        Server.Map("/old.xml", Answer.Redirect(status, Server.Url("/new.xml")))
            .Map("/new.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        App.Feed("world", Server.Url("/old.xml"));

        await App.RunAsync("once");
        await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Equal(2, Server.RequestsTo("/old.xml").Count);
        Assert.Equal(2, Server.RequestsTo("/new.xml").Count);
        Assert.Single(Hook.Delivered);
        Assert.DoesNotContain("moved permanently", feeds.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_of_permanent_redirects_ending_in_304_moves_the_feed_to_its_end()
    {
        var document = Rss.Feed(Rss.CeaseFireCall);
        Server.Map("/a.xml", Answer.Feed(document, etag: "\"v1\""));
        App.Feed("world", Server.Url("/a.xml"));
        await App.RunAsync("once");
        Server.Map("/a.xml", Answer.Redirect(301, Server.Url("/b.xml")))
            .Map("/b.xml", Answer.Redirect(308, Server.Url("/c.xml")))
            .Map("/c.xml", Answer.Feed(document, etag: "\"v1\""));

        await App.RunAsync("once");
        await App.RunAsync("once");

        Assert.Equal(2, Server.RequestsTo("/a.xml").Count);
        Assert.Single(Server.RequestsTo("/b.xml"));
        Assert.Equal(["\"v1\"", "\"v1\""], Server.RequestsTo("/c.xml").Select(request => request.Header("If-None-Match")));
        Assert.Single(Hook.Delivered);
    }

    [Fact]
    public async Task A_relative_location_is_resolved_against_the_url_that_sent_it()
    {
        Server.Map("/desk/old.xml", Answer.Redirect(301, "new.xml"))
            .Map("/desk/new.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        App.Feed("world", Server.Url("/desk/old.xml"));

        await App.RunAsync("once");
        await App.RunAsync("once");

        Assert.Single(Server.RequestsTo("/desk/old.xml"));
        Assert.Equal(2, Server.RequestsTo("/desk/new.xml").Count);
        Assert.Single(Hook.Delivered);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "redirect to a file: URL refused")]
    [InlineData("ftp://127.0.0.1/feed.xml", "redirect to a ftp: URL refused")]
    public async Task A_redirect_to_a_scheme_other_than_http_is_refused_and_fails_only_that_feed(string location, string error)
    {
        Server.Map("/evil.xml", Answer.Redirect(302, location)).Map("/good.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        App.Feed("evil", Server.Url("/evil.xml")).Feed("good", Server.Url("/good.xml"));

        var once = await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Equal(0, once.ExitCode);
        Assert.Contains(error, feeds.Output, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(Hook.Delivered).GetProperty("feed").GetProperty("name").GetString());
    }

    [Fact]
    public async Task More_redirects_than_the_limit_fail_the_feed_without_following_the_next()
    {
        Server.Map("/r0", Answer.Redirect(302, "/r1")).Map("/r1", Answer.Redirect(302, "/r2"))
            .Map("/r2", Answer.Redirect(302, "/r3")).Map("/r3", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        App.Section["Fetch"] = new System.Text.Json.Nodes.JsonObject { ["MaxRedirects"] = 2 };
        App.Feed("world", Server.Url("/r0"));

        await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Contains("more than 2 redirects", feeds.Output, StringComparison.Ordinal);
        Assert.Empty(Server.RequestsTo("/r3"));
        Assert.Empty(Hook.Posts);
    }
}
