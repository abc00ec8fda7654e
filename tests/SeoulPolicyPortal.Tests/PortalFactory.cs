using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests;

/// <summary>The real portal on a fresh SQLite file, migrated and seeded from the real seed-data at start-up.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;

    public PortalFactory()
        : this(Path.Combine(Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db"))
    {
        _ownsDatabase = true;
    }

    internal PortalFactory(string databasePath)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    protected virtual string EnvironmentName => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", TemporaryDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Portal", TemporaryDatabase.ConnectionString(DatabasePath));
        // The test client's host, and portal.test standing in for a deployed host name (HSTS is never sent to localhost).
        builder.UseSetting("AllowedHosts", "localhost;portal.test");
    }

    public HttpClient CreatePortalClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task WithDbAsync(Func<PortalDbContext, Task> action) => WithDbAsync(async db =>
    {
        await action(db);
        return true;
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_ownsDatabase)
            {
                TemporaryDatabase.Delete(DatabasePath);
            }
            else if (!TemporaryDatabase.IsPostgres)
            {
                SqliteConnection.ClearAllPools();
            }
        }
    }
}

/// <summary>One seeded portal shared by the read-only tests of a collection.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPortal : ICollectionFixture<PortalFactory>
{
    public const string Name = "shared portal";
}

/// <summary>The seed files read independently of the portal's seeder, as the oracle for expected counts.</summary>
public static class SeedFiles
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "seed-data");

    public static JsonElement Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, file))).RootElement;

    public static IEnumerable<JsonElement> Projects => Read("projects.json").EnumerateArray();

    public static IEnumerable<JsonElement> Cities => Read("cities.json").GetProperty("cities").EnumerateArray();

    public static IEnumerable<string> PartnerCountries(JsonElement project) =>
        project.GetProperty("partners").EnumerateArray()
            .Select(p => p.GetProperty("country"))
            .Where(c => c.ValueKind == JsonValueKind.String)
            .Select(c => c.GetString()!)
            .Distinct();
}
