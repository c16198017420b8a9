using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AlertWorker.Storage;

/// <summary>The embedded default: one SQLite file, <c>alertworker.db</c>, in the data directory, in WAL mode.</summary>
public sealed class SqliteDatabase : Database
{
    public const string FileName = "alertworker.db";

    private readonly string _connectionString;

    public SqliteDatabase(string dataDirectory)
    {
        FilePath = Path.Combine(Path.GetFullPath(dataDirectory), FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public override string Description => FilePath;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        // Created on first use, not at start-up, so verbs that store nothing (match, validate) leave no trace.
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets the dispatcher read while a poll writes; busy_timeout makes writers wait instead of failing.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
