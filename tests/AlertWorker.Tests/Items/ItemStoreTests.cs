using AlertWorker.Alerts;
using AlertWorker.Feeds;
using AlertWorker.Items;
using AlertWorker.Storage;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Items;

/// <summary>The dedup store on a real SQLite file in a temp folder.</summary>
public sealed class ItemStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly Database _database;
    private readonly ItemStore _items;
    private readonly AlertOutbox _outbox;

    public ItemStoreTests()
    {
        _database = new SqliteDatabase(_directory.Path);
        _items = new ItemStore(_database);
        _outbox = new AlertOutbox(_database);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Only_items_the_feed_never_recorded_are_unseen_each_key_once()
    {
        await _items.RecordPollAsync(new FeedState("world"), [Item("a")], [], Now, CancellationToken.None);

        var unseen = await _items.UnseenAsync("world", [Item("a"), Item("b"), Item("b"), Item("c")], CancellationToken.None);

        Assert.Equal(["b", "c"], unseen.Select(item => item.Key));
    }

    [Fact]
    public async Task Items_are_remembered_per_feed()
    {
        await _items.RecordPollAsync(new FeedState("world"), [Item("a")], [], Now, CancellationToken.None);

        var unseen = await _items.UnseenAsync("sport", [Item("a")], CancellationToken.None);

        Assert.Single(unseen);
    }

    [Fact]
    public async Task More_keys_than_one_lookup_takes_are_all_checked()
    {
        var many = Enumerable.Range(0, 1000).Select(index => Item($"item-{index}")).ToList();
        await _items.RecordPollAsync(new FeedState("world"), many[..700], [], Now, CancellationToken.None);

        var unseen = await _items.UnseenAsync("world", many, CancellationToken.None);

        Assert.Equal(many[700..].Select(item => item.Key), unseen.Select(item => item.Key));
    }

    [Fact]
    public async Task A_poll_records_its_items_alerts_and_feed_state_together()
    {
        var state = new FeedState("world") { ConfiguredUrl = "https://news.example.test/feed.xml", ETag = "\"v1\"", LastSuccess = Now };

        await _items.RecordPollAsync(state, [Item("a")], [Alert("a", "desk")], Now, CancellationToken.None);

        Assert.Empty(await _items.UnseenAsync("world", [Item("a")], CancellationToken.None));
        Assert.Single(await _outbox.ListAsync(AlertState.Pending, 10, CancellationToken.None));
        Assert.Equal("\"v1\"", (await new FeedStateStore(_database).GetAsync("world", CancellationToken.None)).ETag);
    }

    [Fact]
    public async Task An_alert_recorded_twice_is_stored_once()
    {
        await _items.RecordPollAsync(new FeedState("world"), [Item("a")], [Alert("a", "desk")], Now, CancellationToken.None);
        await _items.RecordPollAsync(new FeedState("world"), [Item("a")], [Alert("a", "desk")], Now.AddMinutes(1), CancellationToken.None);

        Assert.Single(await _outbox.ListAsync(AlertState.Pending, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_polls_of_one_feed_store_each_item_and_alert_once()
    {
        var polls = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            _items.RecordPollAsync(new FeedState("world"), [Item("a"), Item("b")], [Alert("a", "desk"), Alert("b", "desk")], Now, CancellationToken.None)));

        await Task.WhenAll(polls);

        Assert.Equal(2, (await _outbox.ListAsync(AlertState.Pending, 10, CancellationToken.None)).Count);
    }

    private static FeedItem Item(string key) => new() { Key = key, Title = $"Story {key}" };

    private static NewAlert Alert(string key, string channel)
    {
        var id = AlertId.ForItem("world", key, "cease-fire", channel);
        var item = new AlertItem(key, $"Story {key}", null, null, "", null, []);
        return new NewAlert(key, channel, new AlertContent(id, "cease-fire", new AlertFeed("world", "https://news.example.test/feed.xml"), item, [], Now));
    }
}
