using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests;

/// <summary>
/// A database of its own for the app instances of one test, deleted afterwards: a SQLite file in the temp folder (with
/// its WAL files), or, when PORTAL_TEST_DATABASE=postgres, a PostgreSQL database named after that file on the
/// cluster PORTAL_TEST_POSTGRES names (a connection string without a database; .ci/run starts a throwaway one).
/// </summary>
public sealed class TemporaryDatabase : IDisposable
{
    public static readonly bool IsPostgres =
        string.Equals(Environment.GetEnvironmentVariable("PORTAL_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db");

    public void Dispose() => Delete(Path);

    public static string Provider => IsPostgres ? "PostgreSQL" : "Sqlite";

    public static string ConnectionString(string path) =>
        IsPostgres
            ? new NpgsqlConnectionStringBuilder(Cluster) { Database = DatabaseName(path) }.ToString()
            : $"Data Source={path}";

    /// <summary>A context of the provider's own type on the database, for a test that looks behind the app.</summary>
    public static PortalDbContext Open(string path) =>
        IsPostgres
            ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(ConnectionString(path)).Options)
            : new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(ConnectionString(path)).Options);

    public static void Delete(string path)
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Cluster) { Database = "postgres" }.ToString());
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName(path)}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static string Cluster =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PORTAL_TEST_DATABASE=postgres needs PORTAL_TEST_POSTGRES, a connection string to the test cluster.");

    // portal-test-<guid>.db gives portal_test_<guid>: one database per file name, so a restart test finds its own again.
    private static string DatabaseName(string path) =>
        System.IO.Path.GetFileNameWithoutExtension(path).Replace('-', '_').ToLowerInvariant();
}
