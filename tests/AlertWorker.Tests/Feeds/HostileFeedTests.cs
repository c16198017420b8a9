using System.Text;
using System.Text.Json.Nodes;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Feeds;

/// <summary>Each hostile answer fails (or is defused in) its own feed only: a good feed in the same <c>once</c> still alerts.</summary>
public sealed class HostileFeedTests : FeedServerTestBase
{
    protected override void Arrange()
    {
        App.Section["Fetch"] = new JsonObject { ["Timeout"] = "00:00:02" };
        Server.Map("/good.xml", Answer.Feed(Rss.Feed(Rss.CeaseFireCall)));
        App.Feed("good", Server.Url("/good.xml"));
    }

    /// <summary>What <c>feeds</c> says of the hostile feed: the expected error, or null where a defused document may parse.</summary>
    public static TheoryData<string, string?> Hostile => new()
    {
        { "xxe", null },
        { "billion-laughs", null },
        { "oversized", "response larger than 10485760 bytes" },
        { "gzip-bomb", "response larger than 10485760 bytes" },
        { "never-finishes", "no complete answer within 2 s" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_feed_fails_only_itself_and_the_good_feed_still_alerts(string kind, string? error)
    {
        var truce = Rss.Story("hostile-1", "Truce talk from a hostile feed");
        Server.Map("/hostile.xml", kind switch
        {
            "xxe" => Answer.Feed(FeedDocuments.Xxe(truce)),
            "billion-laughs" => Answer.Feed(FeedDocuments.BillionLaughs(truce)),
            "oversized" => Answer.Huge(64L * 1024 * 1024),
            "gzip-bomb" => Answer.GzipEncoded(Answer.Gzipped(new byte[64 * 1024 * 1024])),
            _ => Answer.Drip(),
        });
        App.Feed("hostile", Server.Url("/hostile.xml"));

        var once = await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Equal(0, once.ExitCode);
        Assert.Contains(Hook.Delivered, alert => alert.GetProperty("feed").GetProperty("name").GetString() == "good");
        if (error is not null)
        {
            Assert.Contains(error, feeds.Output, StringComparison.Ordinal);
            Assert.Single(Hook.Delivered);
        }

        // Whatever a defused document yields, it never carries a local file or an expansion.
        Assert.All(Hook.Posts, post =>
        {
            Assert.DoesNotContain("root:", post.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("lollollol", post.Body, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(post.Body) < 16 * 1024, "an alert stays small");
        });
    }
}
