using Microsoft.Data.Sqlite;

namespace SeoulPolicyPortal.Tests;

/// <summary>A SQLite file in the temp folder, shared by the app instances of one test and deleted with its WAL files.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db");

    public void Dispose() => Delete(Path);

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
