using System.Text.Json;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Cli;

/// <summary>The <c>match</c> verb: the dry run users tune topics with, exactly as the contract gives it.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_matching_text_prints_one_json_line_with_the_item_title_first_and_exits_0()
    {
        var result = await _app.RunAsync("match", "--query", "cease-fire", "--text", "Talks on a ceasefire resume");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("{\"item\":{\"title\":\"Talks on a ceasefire resume\"", line, StringComparison.Ordinal);
        var match = Assert.Single(JsonDocument.Parse(line).RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal("title", match.GetProperty("field").GetString());
        Assert.Equal("cease-fire", match.GetProperty("term").GetString());
        Assert.Equal("Talks on a ceasefire resume", match.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Text_that_does_not_match_prints_nothing_and_exits_1()
    {
        var result = await _app.RunAsync("match", "--query", "pagan", "--text", "A propaganda campaign");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task A_malformed_query_exits_2_and_points_at_the_position()
    {
        var result = await _app.RunAsync("match", "--query", "(gaza OR rafah", "--text", "gaza");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--query: 1:15: expected ')'", result.Error, StringComparison.Ordinal);
        Assert.Contains("  (gaza OR rafah\n" + new string(' ', 16) + "^", result.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Every_matching_item_of_a_feed_file_is_printed_one_a_line()
    {
        var feed = _app.Directory.File("feed.xml");
        await File.WriteAllTextAsync(feed, Rss.Feed(Rss.Weather, Rss.CeaseFireCall, Rss.Story("truce-2", "Truce holds"), Rss.Football));

        var result = await _app.RunAsync("match", "--query", "cease-fire OR truce", "--feed", feed);

        Assert.Equal(0, result.ExitCode);
        var titles = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("item").GetProperty("title").GetString());
        Assert.Equal([Rss.CeaseFireCall.Title, "Truce holds"], titles);
        Assert.False(Directory.Exists(_app.DataDirectory), "match must not create or change stored state");
    }

    [Fact]
    public async Task A_topic_from_the_configuration_can_be_tried()
    {
        _app.Topic("hostages", "hostages OR captives", "log").Channel("log", new() { ["Type"] = "Log" });

        var result = await _app.RunAsync("match", "--topic", "hostages", "--text", "Captives freed");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"term\":\"captives\"", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("match", "--text", "x")]
    [InlineData("match", "--query", "x")]
    [InlineData("match", "--query", "x", "--topic", "y", "--text", "x")]
    [InlineData("match", "--query", "x", "--text", "x", "--feed", "f.xml")]
    public async Task Missing_or_conflicting_options_are_usage_errors(params string[] args)
    {
        var result = await _app.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give exactly one of", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_that_cannot_be_read_exits_2_naming_it()
    {
        var missing = _app.Directory.File("nowhere.xml");

        var result = await _app.RunAsync("match", "--query", "x", "--feed", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }
}
