using System.Data.Common;
using AlertWorker.Feeds;
using AlertWorker.Storage;

namespace AlertWorker.Alerts;

/// <summary>
/// The stored queue of alerts. Alerts enter it in the same transaction that records their items as seen; the
/// dispatcher claims the due ones for a short lease (so that two dispatchers, in one process or two, never send
/// the same alert at once) and records each outcome.
/// </summary>
public sealed class AlertOutbox(Database database)
{
    private const string Columns = "id, channel, state, attempts, next_attempt_at, last_error, created_at, payload";

    internal static async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, NewAlert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = connection.Command(
            """
            INSERT INTO alerts (id, feed, item_key, topic, channel, state, attempts, next_attempt_at, created_at, payload)
            VALUES (@id, @feed, @key, @topic, @channel, 'pending', 0, @now, @now, @payload)
            ON CONFLICT (id) DO NOTHING
            """,
            transaction)
            .With("id", alert.Content.Id)
            .With("feed", FeedStateStore.Key(alert.Content.Feed.Name))
            .With("key", alert.ItemKey)
            .With("topic", alert.Content.Topic)
            .With("channel", alert.Channel)
            .With("now", now)
            .With("payload", AlertJson.Serialize(alert.Content));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The channels that have alerts due now and not claimed by anyone.</summary>
    public async Task<IReadOnlyList<string>> ChannelsWithDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT DISTINCT channel FROM alerts
            WHERE state = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)
            """)
            .With("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var channels = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(reader.GetString(0));
        }

        return channels;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> pending alerts to one channel that are due, oldest first, until
    /// <paramref name="leaseUntil"/>, leaving out the ids in <paramref name="except"/>. A claim is a lease, not a lock:
    /// when its holder dies, the alert is due again once the lease has run out.
    /// </summary>
    public async Task<IReadOnlyList<OutboxAlert>> ClaimDueAsync(
        string channel, DateTimeOffset now, int max, DateTimeOffset leaseUntil, IReadOnlyCollection<string> except, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var names = except.Select((_, index) => "@x" + index).ToList();
        var exclusion = names.Count == 0 ? "" : $"AND id NOT IN ({string.Join(", ", names)})";
        // The state and lease are checked again on the row itself so that a concurrent claimer that picked the
        // same ids (PostgreSQL re-evaluates the outer condition on the updated row) claims none of them twice.
        await using var command = connection.Command(
            $"""
            UPDATE alerts SET claimed_until = @until
            WHERE id IN (
                SELECT id FROM alerts
                WHERE state = 'pending' AND channel = @channel AND next_attempt_at <= @now
                  AND (claimed_until IS NULL OR claimed_until < @now) {exclusion}
                ORDER BY next_attempt_at, created_at LIMIT @max)
              AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < @now)
            RETURNING {Columns}
            """)
            .With("channel", channel).With("now", now).With("until", leaseUntil).With("max", max);
        foreach (var (name, id) in names.Zip(except))
        {
            command.With(name, id);
        }

        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Records a delivery. A delivery wins over a dead letter a concurrent claimer recorded meanwhile.</summary>
    public async Task MarkSentAsync(string id, int attempts, DateTimeOffset at, CancellationToken cancellationToken) =>
        await UpdateAsync(
            "UPDATE alerts SET state = 'sent', attempts = @attempts, sent_at = @at, claimed_until = NULL, last_error = NULL WHERE id = @id AND state <> 'sent'",
            cancellationToken,
            ("id", id), ("attempts", attempts), ("at", at));

    /// <summary>
    /// Records a failed attempt: queued again for <paramref name="nextAttemptAt"/>, or a dead letter when that is null.
    /// Only a pending alert changes: a late failure never turns an alert another claimer delivered into a dead letter.
    /// </summary>
    public async Task MarkFailedAsync(string id, int attempts, DateTimeOffset? nextAttemptAt, string error, CancellationToken cancellationToken) =>
        await UpdateAsync(
            nextAttemptAt is null
                ? "UPDATE alerts SET state = 'dead', attempts = @attempts, last_error = @error, claimed_until = NULL WHERE id = @id AND state = 'pending'"
                : "UPDATE alerts SET attempts = @attempts, next_attempt_at = @next, last_error = @error, claimed_until = NULL WHERE id = @id AND state = 'pending'",
            cancellationToken,
            ("id", id), ("attempts", attempts), ("next", nextAttemptAt), ("error", error));

    /// <summary>Gives a claimed alert back untouched: an attempt abandoned at shutdown, or a claim that was not needed.</summary>
    public async Task ReleaseAsync(string id, CancellationToken cancellationToken) =>
        await UpdateAsync("UPDATE alerts SET claimed_until = NULL WHERE id = @id", cancellationToken, ("id", id));

    /// <summary>Alerts in one state, newest first.</summary>
    public async Task<IReadOnlyList<OutboxAlert>> ListAsync(AlertState state, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM alerts WHERE state = @state ORDER BY created_at DESC, id LIMIT @limit")
            .With("state", StateName(state)).With("limit", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Puts dead letters back in the queue, due now, with their attempts counted afresh. Returns how many.</summary>
    public async Task<int> RequeueDeadAsync(string? id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await UpdateAsync(
            "UPDATE alerts SET state = 'pending', attempts = 0, next_attempt_at = @now, claimed_until = NULL WHERE state = 'dead'"
                + (id is null ? "" : " AND id = @id"),
            cancellationToken,
            ("id", id), ("now", now));

    /// <summary>Whether an alert with this id exists at all, whatever its state.</summary>
    public async Task<AlertState?> StateOfAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT state FROM alerts WHERE id = @id").With("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string state ? ParseState(state) : null;
    }

    private async Task<int> UpdateAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains('@' + name, StringComparison.Ordinal))
            {
                command.With(name, value);
            }
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboxAlert>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var _ = command;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<OutboxAlert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new OutboxAlert(
                AlertJson.Deserialize<AlertContent>(reader.GetString(7)),
                Channel: reader.GetString(1),
                State: ParseState(reader.GetString(2)),
                Attempts: reader.GetInt32(3),
                NextAttemptAt: reader.GetTime(4),
                LastError: reader.GetNullableString(5),
                CreatedAt: reader.GetTime(6)));
        }

        return alerts;
    }

    private static string StateName(AlertState state) => state.ToString().ToLowerInvariant();

    private static AlertState ParseState(string state) => Enum.Parse<AlertState>(state, ignoreCase: true);
}
