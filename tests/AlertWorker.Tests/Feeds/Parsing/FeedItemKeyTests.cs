using AlertWorker.Feeds.Parsing;

namespace AlertWorker.Tests.Feeds.Parsing;

public sealed class FeedItemKeyTests
{
    [Fact]
    public void The_trimmed_id_comes_first() => Assert.Equal("abc", FeedItemKey.Compute("  abc ", "https://x/", "t", "s"));

    [Fact]
    public void The_trimmed_link_is_used_when_there_is_no_id() => Assert.Equal("https://x/", FeedItemKey.Compute(" ", " https://x/ ", "t", "s"));

    [Fact]
    public void Title_and_summary_are_hashed_when_there_is_no_id_or_link()
    {
        // The first 32 hex characters of SHA-256("Title\nSummary") (as `printf 'Title\nSummary' | sha256sum` gives).
        var key = FeedItemKey.Compute(null, null, "Title", "Summary");
        Assert.Equal("sha256:b416a5a04123b64c247715bc41c97452", key);
        Assert.Equal(key, FeedItemKey.Compute(null, "", " Title ", "Summary "));
        Assert.NotEqual(key, FeedItemKey.Compute(null, null, "Title", "Other"));
    }

    [Fact]
    public void Nothing_to_identify_means_no_key() => Assert.Null(FeedItemKey.Compute(null, " ", "", null, " \n "));

    [Fact]
    public void An_item_with_only_other_text_is_keyed_by_a_hash_of_it()
    {
        var key = FeedItemKey.Compute(null, null, "", "", "Some content\nA. Writer");

        Assert.StartsWith(FeedItemKey.HashPrefix, key, StringComparison.Ordinal);
        Assert.NotEqual(key, FeedItemKey.Compute(null, null, "", "", "Other content\nA. Writer"));
    }

    [Fact]
    public void Other_text_does_not_change_the_key_of_an_item_with_a_title() =>
        Assert.Equal(FeedItemKey.Compute(null, null, "Title", "Summary"), FeedItemKey.Compute(null, null, "Title", "Summary", "content"));
}
