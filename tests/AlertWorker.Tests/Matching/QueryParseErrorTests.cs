using AlertWorker.Matching;

namespace AlertWorker.Tests.Matching;

public sealed class QueryParseErrorTests
{
    [Theory]
    [InlineData("(a", 1, 3, "expected ')'")]
    [InlineData("(a OR b", 1, 8, "expected ')'")]
    [InlineData("a)", 1, 2, "expected end of query, found ')'")]
    [InlineData("title:", 1, 7, "expected a word or phrase right after 'title:'")]
    [InlineData("title: gaza", 1, 7, "expected a word or phrase right after 'title:'")]
    [InlineData("title:(a OR b)", 1, 7, "expected a word or phrase right after 'title:'")]
    [InlineData("unknown:x", 1, 1, "expected a field name (title, summary, content, author, category), found 'unknown'")]
    [InlineData("a unknown:x", 1, 3, "found 'unknown'")]
    [InlineData("\"\"", 1, 1, "expected a word inside the quotes")]
    [InlineData("\"--\"", 1, 1, "expected a word inside the quotes")]
    [InlineData("a \"b", 1, 5, "expected '\"' to close the phrase")]
    [InlineData("*", 1, 1, "expected a word (letters or digits)")]
    [InlineData("a --", 1, 5, "expected a term after '-'")]
    [InlineData("*ire", 1, 1, "a '*' may only end a word")]
    [InlineData("tru*ce", 1, 4, "a '*' may only end a word")]
    [InlineData("truce**", 1, 6, "a '*' may only end a word")]
    [InlineData("-a", 1, 1, "expected at least one term that is not an exclusion")]
    [InlineData("-a NOT b", 1, 1, "expected at least one term that is not an exclusion")]
    [InlineData("a (-b)", 1, 3, "expected a term that is not an exclusion inside the parentheses")]
    [InlineData("a OR -b", 1, 6, "expected a term that is not an exclusion as an OR alternative")]
    [InlineData("NOT a OR b", 1, 1, "expected a term that is not an exclusion as an OR alternative")]
    [InlineData("NOT", 1, 4, "expected a term after 'NOT'")]
    [InlineData("a NOT OR b", 1, 7, "expected a term after 'NOT'")]
    [InlineData("--a", 1, 2, "expected a term after '-'")]
    [InlineData("a OR", 1, 5, "expected a term after 'OR'")]
    [InlineData("a OR OR b", 1, 6, "expected a term after 'OR'")]
    [InlineData("OR a", 1, 1, "expected a term before 'OR'")]
    [InlineData("AND a", 1, 1, "expected a term before 'AND'")]
    [InlineData("a AND", 1, 6, "expected a term after 'AND'")]
    [InlineData("", 1, 1, "expected a term")]
    [InlineData("   ", 1, 4, "expected a term")]
    [InlineData("()", 1, 2, "expected a term inside the parentheses")]
    [InlineData("a\n(b", 2, 3, "expected ')'")]
    public void AnInvalidQueryIsAnErrorNamingThePositionAndWhatWasExpected(
        string query, int line, int column, string expected)
    {
        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.StartsWith($"{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageIsPositionThenReason()
    {
        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse("(a OR b"));

        Assert.Equal("1:8: expected ')'", error.Message);
        Assert.Null(error.Topic);
    }

    [Fact]
    public void DeeplyNestedGroupsAreAnErrorNotAStackOverflow()
    {
        var query = new string('(', 10_000) + "a" + new string(')', 10_000);

        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));

        Assert.Contains("nested parentheses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCompileReportsTheErrorInsteadOfThrowing()
    {
        Assert.False(CompiledQuery.TryCompile("a OR", out var compiled, out var error));
        Assert.Null(compiled);
        Assert.Equal("1:5: expected a term after 'OR'", error.Message);

        Assert.True(CompiledQuery.TryCompile("a OR b", out compiled, out error));
        Assert.Equal("a OR b", compiled.ToString());
        Assert.Null(error);
    }
}
