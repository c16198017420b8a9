using AlertWorker.Matching;

namespace AlertWorker.Tests.Matching;

public sealed class TopicMatcherTests
{
    [Fact]
    public void MatchingTopicsAreReportedInTopicOrderWithTheirHits()
    {
        var matcher = new TopicMatcher(
        [
            ("truce", "truce* OR cease-fire"),
            ("sports", "football"),
            ("hostages", "gaza hostages OR captives -sports"),
        ]);
        var document = TestItem.Titled("Gaza ceasefire").Summary("Captives freed after a truce").Build();

        var matches = matcher.Match(document);

        Assert.Equal(["truce", "hostages"], matches.Select(m => m.Topic));
        Assert.Equal(
            [("summary", "truce*"), ("title", "cease-fire")],
            matches[0].Hits.Select(h => (h.Field, h.Term)));
        Assert.Equal(
            [("title", "gaza"), ("summary", "captives")],
            matches[1].Hits.Select(h => (h.Field, h.Term)));
    }

    [Fact]
    public void AnInvalidTopicQueryIsAParseErrorNamingTheTopic()
    {
        var error = Assert.Throws<QueryParseException>(() => new TopicMatcher([("ok", "a"), ("broken", "(a OR b")]));

        Assert.Equal("broken", error.Topic);
        Assert.Equal("topic 'broken': 1:8: expected ')'", error.Message);
        Assert.Equal((1, 8), (error.Line, error.Column));
    }

    [Fact]
    public void TenThousandTopicsCompileAndMatchLikeEachQueryAlone()
    {
        var random = new Random(42);
        var topics = Enumerable.Range(0, 10_000).Select(i => ($"topic{i}", RandomQuery(random))).ToList();
        var matcher = new TopicMatcher(topics);
        var singles = topics.Select(t => CompiledQuery.Compile(t.Item2)).ToList();
        Assert.Equal(10_000, matcher.Count);

        var totalMatches = 0;
        for (var d = 0; d < 20; d++)
        {
            var document = RandomDocument(random);
            var expected = topics.Where((_, i) => singles[i].IsMatch(document)).Select(t => t.Item1).ToList();

            var matches = matcher.Match(document);

            Assert.Equal(expected, matches.Select(m => m.Topic));
            Assert.All(matches, m => Assert.NotEmpty(m.Hits));
            totalMatches += matches.Count;
        }

        Assert.InRange(totalMatches, 20, 200_000);
    }

    private static string W(Random random) => $"w{random.Next(300)}";

    private static string RandomQuery(Random random) => random.Next(8) switch
    {
        0 => W(random),
        1 => $"{W(random)} {W(random)}",
        2 => $"{W(random)} OR {W(random)} -{W(random)}",
        3 => $"\"{W(random)} {W(random)}\"",
        4 => $"w{random.Next(30)}*",
        5 => $"title:{W(random)} ({W(random)} OR {W(random)})",
        6 => $"{W(random)}-{W(random)}",
        _ => $"-{W(random)} category:{W(random)}",
    };

    private static MatchDocument RandomDocument(Random random)
    {
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => W(random)));
        return TestItem.Titled(Text(8)).Summary(Text(300)).Category(Text(1)).Category(Text(2)).Build();
    }
}
