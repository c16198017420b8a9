using AlertWorker.Alerts;

namespace AlertWorker.Tests.Alerts;

public sealed class AlertIdTests
{
    [Theory]
    [InlineData("https://news.example.test/2026/truce", true)]
    [InlineData("http://news.example.test/?p=12", true)]
    [InlineData("tag:news.example.test,2026:truce", true)]
    [InlineData("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", true)]
    [InlineData("sha256:b416a5a04123b64c247715bc41c97452", true)]
    [InlineData("1234", false)]
    [InlineData("sample-world-0001", false)]
    [InlineData("ftp://news.example.test/truce", false)]
    public void Only_keys_that_name_a_story_beyond_its_feed_are_global(string key, bool global) =>
        Assert.Equal(global, AlertId.IsGlobal(key));

    [Fact]
    public void A_story_with_a_global_key_has_one_id_whichever_feed_carries_it() =>
        Assert.Equal(
            AlertId.ForItem("world", "https://news.example.test/truce", "cease-fire", "desk"),
            AlertId.ForItem("top-stories", "https://news.example.test/truce", "cease-fire", "desk"));

    [Fact]
    public void A_feed_serial_number_is_scoped_by_its_feed() =>
        Assert.NotEqual(AlertId.ForItem("world", "1234", "cease-fire", "desk"), AlertId.ForItem("sport", "1234", "cease-fire", "desk"));

    [Fact]
    public void Each_channel_and_topic_has_its_own_alert()
    {
        var id = AlertId.ForItem("world", "https://news.example.test/truce", "cease-fire", "desk");

        Assert.NotEqual(id, AlertId.ForItem("world", "https://news.example.test/truce", "cease-fire", "ops"));
        Assert.NotEqual(id, AlertId.ForItem("world", "https://news.example.test/truce", "truce", "desk"));
        Assert.Equal(id, AlertId.ForItem("WORLD", "https://news.example.test/truce", "Cease-Fire", "DESK"));
    }
}
