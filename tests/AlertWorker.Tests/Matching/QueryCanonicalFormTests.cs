using AlertWorker.Matching;

namespace AlertWorker.Tests.Matching;

public sealed class QueryCanonicalFormTests
{
    [Theory]
    [InlineData("gaza hostages OR captives", "gaza hostages OR captives")]
    [InlineData("(gaza OR rafah) hostages", "gaza OR rafah hostages")]
    [InlineData("(a b) OR c", "(a b) OR c")]
    [InlineData("a (b (c d))", "a b c d")]
    [InlineData("(a OR (b OR c))", "a OR b OR c")]
    [InlineData("a AND b", "a b")]
    [InlineData("b NOT a", "b -a")]
    [InlineData("b NOT (a OR c)", "b -(a OR c)")]
    [InlineData("-(a b) c", "-(a b) c")]
    [InlineData("Title:Cease\u2013Fire*", "title:cease-fire*")]
    [InlineData("“Prisoner   Exchange”", "\"prisoner exchange\"")]
    [InlineData("summary:\"Cease-fire deal*\"", "summary:\"cease-fire deal*\"")]
    [InlineData("Pokémon", "pokemon")]
    [InlineData("Israel’s", "israel")]
    [InlineData("gaza or rafah", "gaza or rafah")]
    [InlineData("hostages - sports", "hostages sports")] // a dash standing alone is punctuation
    [InlineData("israel \u2013 hamas", "israel hamas")]
    [InlineData("U.S. sanctions", "\"u s\" sanctions")]
    [InlineData("AT&T*", "\"at t*\"")]
    public void AQueryPrintsBackCanonically(string query, string canonical)
    {
        var parsed = QueryParser.Parse(query);

        Assert.Equal(canonical, parsed.ToString());
        Assert.Equal(parsed, QueryParser.Parse(parsed.ToString()));
    }

    [Fact]
    public void OrBindsTighterThanTheImplicitAnd()
    {
        var expected = new AndNode(new ValueList<QueryNode>(
        [
            Word("gaza"),
            new OrNode(new ValueList<QueryNode>([Word("hostages"), Word("captives")])),
        ]));

        Assert.Equal(expected, QueryParser.Parse("gaza hostages OR captives"));
    }

    [Fact]
    public void AHyphenatedWordKeepsItsPartsAndAFieldScope()
    {
        var expected = new WordNode(new QueryWord(new ValueList<string>(["cease", "fire"]), IsPrefix: true), MatchField.Title);

        Assert.Equal(expected, QueryParser.Parse("title:cease-fire*"));
    }

    private static WordNode Word(string text) => new(new QueryWord(new ValueList<string>([text]), false), null);
}
