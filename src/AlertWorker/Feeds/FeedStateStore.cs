using System.Data.Common;
using AlertWorker.Storage;

namespace AlertWorker.Feeds;

/// <summary>Reads and writes <see cref="FeedState"/>, keyed by the feed's name in lower case.</summary>
public sealed class FeedStateStore(Database database)
{
    private const string Columns =
        "name, configured_url, current_url, etag, last_modified, last_attempt, last_success, last_error, consecutive_failures, next_poll_at, gone";

    public async Task<FeedState> GetAsync(string feed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM feeds WHERE name = @name")
            .With("name", Key(feed));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) with { Feed = feed } : new FeedState(feed);
    }

    public async Task<IReadOnlyList<FeedState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM feeds ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<FeedState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(Read(reader));
        }

        return states;
    }

    public async Task SaveAsync(FeedState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SaveAsync(connection, null, state, cancellationToken);
    }

    /// <summary>Saves within a caller's transaction, so a poll's items, alerts and state commit together.</summary>
    public static async Task SaveAsync(DbConnection connection, DbTransaction? transaction, FeedState state, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"""
            INSERT INTO feeds ({Columns})
            VALUES (@name, @configured_url, @current_url, @etag, @last_modified, @last_attempt, @last_success, @last_error, @failures, @next_poll_at, @gone)
            ON CONFLICT (name) DO UPDATE SET
                configured_url = excluded.configured_url, current_url = excluded.current_url, etag = excluded.etag, last_modified = excluded.last_modified,
                last_attempt = excluded.last_attempt, last_success = excluded.last_success, last_error = excluded.last_error,
                consecutive_failures = excluded.consecutive_failures, next_poll_at = excluded.next_poll_at, gone = excluded.gone
            """,
            transaction)
            .With("name", Key(state.Feed))
            .With("configured_url", state.ConfiguredUrl)
            .With("current_url", state.CurrentUrl)
            .With("etag", state.ETag)
            .With("last_modified", state.LastModified)
            .With("last_attempt", state.LastAttempt)
            .With("last_success", state.LastSuccess)
            .With("last_error", state.LastError)
            .With("failures", state.ConsecutiveFailures)
            .With("next_poll_at", state.NextPollAt)
            .With("gone", state.Gone ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string Key(string feed) => feed.ToLowerInvariant();

    private static FeedState Read(DbDataReader reader) => new(reader.GetString(0))
    {
        ConfiguredUrl = reader.GetNullableString(1),
        CurrentUrl = reader.GetNullableString(2),
        ETag = reader.GetNullableString(3),
        LastModified = reader.GetNullableString(4),
        LastAttempt = reader.GetNullableTime(5),
        LastSuccess = reader.GetNullableTime(6),
        LastError = reader.GetNullableString(7),
        ConsecutiveFailures = reader.GetInt32(8),
        NextPollAt = reader.GetNullableTime(9),
        Gone = reader.GetInt32(10) != 0,
    };
}
