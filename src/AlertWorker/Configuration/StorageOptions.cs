namespace AlertWorker.Configuration;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

public sealed class StorageOptions
{
    /// <summary><c>Sqlite</c> (default, a file under the data directory) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Required for <c>Postgres</c>; ignored for <c>Sqlite</c>.</summary>
    public string? ConnectionString { get; set; }
}
