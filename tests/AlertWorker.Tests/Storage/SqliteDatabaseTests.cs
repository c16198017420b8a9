using AlertWorker.Storage;
using AlertWorker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AlertWorker.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_database_file_is_created_on_first_use_not_before()
    {
        var data = Path.Combine(_directory.Path, "data");
        var database = new SqliteDatabase(data);
        Assert.False(Directory.Exists(data));

        await using (await database.OpenAsync(CancellationToken.None))
        {
        }

        Assert.True(File.Exists(Path.Combine(data, SqliteDatabase.FileName)));
    }

    [Fact]
    public async Task Opening_an_existing_database_again_keeps_its_schema_version_and_data()
    {
        await using (var connection = await new SqliteDatabase(_directory.Path).OpenAsync(CancellationToken.None))
        {
            await using var insert = connection.Command("INSERT INTO items (feed, item_key, title, first_seen) VALUES ('world', 'a', 'A', 0)");
            await insert.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        await using var again = await new SqliteDatabase(_directory.Path).OpenAsync(CancellationToken.None);
        await using var count = again.Command("SELECT (SELECT COUNT(*) FROM items) * 100 + (SELECT MAX(version) FROM schema_version)");

        Assert.Equal(100L + SchemaMigrator.LatestVersion, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_rather_than_changed()
    {
        await using (var connection = await new SqliteDatabase(_directory.Path).OpenAsync(CancellationToken.None))
        {
            await using var bump = connection.Command($"UPDATE schema_version SET version = {SchemaMigrator.LatestVersion + 1}");
            await bump.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteDatabase(_directory.Path).OpenAsync(CancellationToken.None));

        Assert.Contains("newer than this AlertWorker knows", error.Message, StringComparison.Ordinal);
    }
}
