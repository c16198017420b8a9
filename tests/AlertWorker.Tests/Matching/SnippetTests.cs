using AlertWorker.Matching;

namespace AlertWorker.Tests.Matching;

public sealed class SnippetTests
{
    [Fact]
    public void AShortFieldIsTheWholeSnippet()
    {
        var hits = CompiledQuery.Compile("truce").Match(TestItem.Titled("A Truce holds").Build());

        var hit = Assert.Single(hits!);
        Assert.Equal(new MatchHit("title", "truce", "A Truce holds"), hit);
    }

    [Fact]
    public void ALongFieldIsCutAtWordBoundariesWithAnEllipsisAtBothEnds()
    {
        var before = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"before{i}"));
        var after = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"after{i}"));
        var summary = $"<p>{before} the cease&ndash;fire holds {after}</p>";

        var hit = Assert.Single(CompiledQuery.Compile("cease-fire").Match(TestItem.Titled("x").Summary(summary).Build())!);

        Assert.Equal("summary", hit.Field);
        Assert.Equal("cease-fire", hit.Term);
        Assert.StartsWith("…", hit.Snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("the cease–fire holds", hit.Snippet, StringComparison.Ordinal);
        var words = hit.Snippet.Trim('…').Split(' ');
        var source = $"{before} the cease–fire holds {after}".Split(' ');
        Assert.All(words, word => Assert.Contains(word, source));
        Assert.InRange(hit.Snippet.Length, 80, 2 + (2 * 60) + "cease–fire".Length);
    }

    [Fact]
    public void AHitNearTheStartIsOnlyCutAtTheEnd()
    {
        var text = "Truce " + string.Join(' ', Enumerable.Repeat("word", 40));

        var hit = Assert.Single(CompiledQuery.Compile("truce").Match(TestItem.Titled(text).Build())!);

        Assert.StartsWith("Truce word", hit.Snippet, StringComparison.Ordinal);
        Assert.EndsWith("word…", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void ThereIsOneHitPerPositiveTermAndFieldInQueryOrder()
    {
        var document = TestItem.Titled("Gaza talks")
            .Summary("Hostages and captives in Gaza; a prisoner exchange and sports")
            .Category("Gaza")
            .Build();

        var hits = CompiledQuery.Compile("gaza (hostages OR truce*) \"prisoner exchange\" -football").Match(document);

        Assert.Equal(
            [
                ("title", "gaza"), ("summary", "gaza"), ("category", "gaza"), ("summary", "hostages"),
                ("summary", "\"prisoner exchange\""),
            ],
            hits!.Select(h => (h.Field, h.Term)));
    }

    [Fact]
    public void ANonMatchingQueryHasNoHits()
    {
        Assert.Null(CompiledQuery.Compile("gaza -talks").Match(TestItem.Titled("Gaza talks").Build()));
    }
}
