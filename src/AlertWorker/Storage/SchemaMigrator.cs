using System.Data.Common;

namespace AlertWorker.Storage;

/// <summary>Brings a database to the newest schema, one numbered step at a time, recording each in <c>schema_version</c>.</summary>
internal static class SchemaMigrator
{
    /// <summary>Index + 1 is the schema version a step produces. Steps are only ever appended.</summary>
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE feeds (
            name TEXT NOT NULL PRIMARY KEY,
            configured_url TEXT NULL,
            current_url TEXT NULL,
            etag TEXT NULL,
            last_modified TEXT NULL,
            last_attempt BIGINT NULL,
            last_success BIGINT NULL,
            last_error TEXT NULL,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_poll_at BIGINT NULL,
            gone INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE items (
            feed TEXT NOT NULL,
            item_key TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT NULL,
            first_seen BIGINT NOT NULL,
            PRIMARY KEY (feed, item_key)
        );
        CREATE TABLE alerts (
            id TEXT NOT NULL PRIMARY KEY,
            feed TEXT NOT NULL,
            item_key TEXT NOT NULL,
            topic TEXT NOT NULL,
            channel TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            claimed_until BIGINT NULL,
            last_error TEXT NULL,
            created_at BIGINT NOT NULL,
            sent_at BIGINT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX alerts_due ON alerts (state, next_attempt_at);
        """,
    ];

    public static int LatestVersion => Steps.Length;

    public static async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"the database has schema version {current}, newer than this AlertWorker knows ({LatestVersion}); upgrade AlertWorker");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            await using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Steps[version - 1] + $"; DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ({version});";
            await step.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT MAX(version) FROM schema_version";
        var value = await query.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
