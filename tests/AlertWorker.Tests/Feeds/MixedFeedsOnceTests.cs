using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AlertWorker.Tests.Support;
using Xunit.Abstractions;

namespace AlertWorker.Tests.Feeds;

/// <summary>
/// The issue's "done when": one <c>once</c> over good feeds of every kind and bad ones of every kind exits 0 and
/// alerts on every good feed; a second <c>once</c> leaves the moved, gone and throttled URLs alone and alerts on
/// nothing twice. With <c>ALERTWORKER_MEASURE=1</c> the first <c>once</c> runs the built executable as a child
/// process under <c>/usr/bin/time</c> and writes its wall time and peak memory to the test output.
/// </summary>
public sealed class MixedFeedsOnceTests(ITestOutputHelper output) : FeedServerTestBase
{
    private static readonly string[] GoodFeeds = ["rss", "atom", "json", "gzip", "bom", "latin1", "moved"];

    protected override void Arrange()
    {
        App.Section["Fetch"] = new JsonObject { ["Timeout"] = "00:00:03" };

        Serve("rss", Answer.Feed(Rss.Feed(Truce("rss"), Rss.Weather)));
        Serve("atom", Answer.Feed(FeedDocuments.Atom(Truce("atom")), "application/atom+xml"));
        Serve("json", Answer.Feed(FeedDocuments.JsonFeed(Truce("json")), "application/feed+json"));
        Serve("gzip", Answer.Gzip(Encoding.UTF8.GetBytes(Rss.Feed(Truce("gzip")))));
        Serve("bom", Answer.Bytes([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Rss.Feed(Truce("bom")))]));
        var latin1 = Rss.Feed(Rss.Story("latin1-1", "Truce in Zürich")).Replace(" encoding=\"utf-8\"", "", StringComparison.Ordinal);
        Serve("latin1", Answer.Bytes(Encoding.Latin1.GetBytes(latin1), "application/rss+xml; charset=iso-8859-1"));
        Server.Map("/moved-new.xml", Answer.Feed(Rss.Feed(Truce("moved")), etag: "\"m1\""));
        Serve("moved", Answer.Redirect(301, "/moved-new.xml"));

        var calm = Rss.Story("calm-1", "Markets close flat");
        Serve("entity-bomb", Answer.Feed(FeedDocuments.BillionLaughs(calm)));
        Serve("xxe", Answer.Feed(FeedDocuments.Xxe(calm)));
        Serve("truncated", Answer.Feed(FeedDocuments.Truncated(calm, Rss.Story("calm-2", "Rain tomorrow"))));
        Serve("not-found", Answer.Status(404));
        Serve("gone", Answer.Status(410));
        Serve("throttled", Answer.Status(429, "3600"));
        Serve("huge", Answer.Huge(64L * 1024 * 1024));
        Serve("never-finishes", Answer.Drip());
    }

    [Fact]
    public async Task One_once_over_good_and_hostile_feeds_alerts_on_every_good_feed_and_a_second_asks_no_moved_gone_or_throttled_url()
    {
        var first = Environment.GetEnvironmentVariable("ALERTWORKER_MEASURE") == "1" ? await RunMeasuredAsync() : await App.RunAsync("once");

        Assert.Equal(0, first.ExitCode);
        var alerted = Hook.Delivered.Select(alert => alert.GetProperty("feed").GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(GoodFeeds.Order(), alerted);
        var latin1 = Hook.Delivered.Single(alert => alert.GetProperty("feed").GetProperty("name").GetString() == "latin1");
        Assert.Equal("Truce in Zürich", latin1.GetProperty("item").GetProperty("title").GetString());

        var second = await App.RunAsync("once");
        var feeds = await App.RunAsync("feeds");

        Assert.Equal(0, second.ExitCode);
        Assert.Single(Server.RequestsTo("/moved.xml"));
        Assert.Single(Server.RequestsTo("/gone.xml"));
        Assert.Single(Server.RequestsTo("/throttled.xml"));
        Assert.Equal(2, Server.RequestsTo("/moved-new.xml").Count);
        Assert.Equal(GoodFeeds.Length, Hook.Posts.Count);
        output.WriteLine(feeds.Output);
        foreach (var (feed, error) in new[]
        {
            ("gone", "HTTP 410"), ("throttled", "HTTP 429"), ("not-found", "HTTP 404"),
            ("huge", "response larger than"), ("never-finishes", "no complete answer within 3 s"),
        })
        {
            Assert.Matches($@"(?m)^{feed}\s.*{error}", feeds.Output);
        }
    }

    private static Story Truce(string feed) => Rss.Story($"{feed}-1", $"Truce holds, the {feed} desk reports");

    private void Serve(string feed, Func<Microsoft.AspNetCore.Http.HttpContext, Task> answer)
    {
        Server.Map($"/{feed}.xml", answer);
        App.Feed(feed, Server.Url($"/{feed}.xml"));
    }

    /// <summary>The first <c>once</c> as a child process of the built executable, measured by <c>/usr/bin/time</c>.</summary>
    private async Task<CliResult> RunMeasuredAsync()
    {
        App.Save();
        var executable = Path.Combine(RepositoryRoot(), "src", "AlertWorker", "bin", "Debug", "net10.0", "AlertWorker");
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "measured: %e s wall, %M KB peak resident", executable, "once", "--config", App.ConfigPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var error = await stderr;
        output.WriteLine(error);
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "alertworker-measure.txt"), error);
        return new CliResult(process.ExitCode, await stdout, error);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AlertWorker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AlertWorker.sln not found above the test folder");
    }
}
