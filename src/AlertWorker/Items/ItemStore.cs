using AlertWorker.Alerts;
using AlertWorker.Feeds;
using AlertWorker.Storage;

namespace AlertWorker.Items;

/// <summary>"Which of these have we seen?": the dedup store, and the one transaction that records a poll.</summary>
public sealed class ItemStore(Database database)
{
    /// <summary>Returns the items whose keys this feed has never recorded, in the order given, each key once.</summary>
    public async Task<IReadOnlyList<FeedItem>> UnseenAsync(string feed, IReadOnlyList<FeedItem> items, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Keys are looked up in chunks to stay below every provider's parameter limit.
        foreach (var chunk in items.Select(item => item.Key).Distinct(StringComparer.Ordinal).Chunk(200))
        {
            var names = chunk.Select((_, index) => "@k" + index).ToArray();
            await using var command = connection.Command(
                $"SELECT item_key FROM items WHERE feed = @feed AND item_key IN ({string.Join(", ", names)})")
                .With("feed", FeedStateStore.Key(feed));
            for (var index = 0; index < chunk.Length; index++)
            {
                command.With(names[index], chunk[index]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                seen.Add(reader.GetString(0));
            }
        }

        return items.Where(item => seen.Add(item.Key)).ToList();
    }

    /// <summary>
    /// Records the new items as seen, queues their alerts and saves the feed's state, all in one transaction:
    /// either the items are seen and their alerts are queued, or neither. An item or alert already stored (by a
    /// concurrent poll or another instance) is left as it is.
    /// </summary>
    public async Task RecordPollAsync(
        FeedState state,
        IReadOnlyList<FeedItem> newItems,
        IReadOnlyList<NewAlert> alerts,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var feed = FeedStateStore.Key(state.Feed);
        foreach (var item in newItems)
        {
            await using var insert = connection.Command(
                """
                INSERT INTO items (feed, item_key, title, link, first_seen) VALUES (@feed, @key, @title, @link, @now)
                ON CONFLICT (feed, item_key) DO NOTHING
                """,
                transaction)
                .With("feed", feed).With("key", item.Key).With("title", item.Title).With("link", item.Link).With("now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var alert in alerts)
        {
            await AlertOutbox.EnqueueAsync(connection, transaction, alert, now, cancellationToken);
        }

        await FeedStateStore.SaveAsync(connection, transaction, state, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
