using System.Data.Common;

namespace AlertWorker.Storage;

/// <summary>
/// The storage seam: opens connections to the configured database and keeps its schema current. The SQL of each
/// feature lives beside the feature (<c>Items/ItemStore</c>, <c>Alerts/AlertOutbox</c>, <c>Feeds/FeedStateStore</c>)
/// and is written to run unchanged on SQLite and PostgreSQL: times are Unix milliseconds in BIGINT columns,
/// conflicts use <c>ON CONFLICT DO NOTHING</c>.
/// </summary>
public abstract class Database
{
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Where the data lives, for messages (a file path or a host), never with a password.</summary>
    public abstract string Description { get; }

    /// <summary>Opens a connection, creating or upgrading the schema on first use.</summary>
    /// <exception cref="InvalidOperationException">The database cannot be opened or upgraded; the message names it.</exception>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection;
        try
        {
            connection = await OpenConnectionAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{Description}: {exception.Message}", exception);
        }

        try
        {
            await MigrateOnceAsync(connection, cancellationToken);
        }
        catch (Exception exception)
        {
            await connection.DisposeAsync();
            if (exception is DbException)
            {
                throw new InvalidOperationException($"{Description}: {exception.Message}", exception);
            }

            throw;
        }

        return connection;
    }

    private async Task MigrateOnceAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await SchemaMigrator.MigrateAsync(connection, cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
