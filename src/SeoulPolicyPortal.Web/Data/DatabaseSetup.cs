using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data.Seeding;

namespace SeoulPolicyPortal.Web.Data;

/// <summary>The one place that knows which database provider the portal runs on.</summary>
public static class DatabaseSetup
{
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "PostgreSQL";

    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? SqliteProvider;
        if (string.Equals(provider, PostgresProvider, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Portal");
            if (string.IsNullOrWhiteSpace(connectionString) || connectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSQL: set ConnectionStrings:Portal to a PostgreSQL connection string (Host=...;Database=...;Username=...).");
            }

            services.AddDbContextPool<PortalDbContext, PostgresPortalDbContext>(options => options.UseNpgsql(connectionString));
        }
        else if (string.Equals(provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = ResolveSqliteConnectionString(configuration.GetConnectionString("Portal"), environment.ContentRootPath);
            services.AddDbContextPool<PortalDbContext>(options => options.UseSqlite(connectionString));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not known: use {SqliteProvider} (the default) or {PostgresProvider}.");
        }

        services.AddScoped<PortalSeeder>();
        services.AddDataProtection().SetApplicationName("SeoulPolicyPortal").PersistKeysToDbContext<PortalDbContext>();
        return services;
    }

    /// <summary>Applies migrations, then seeds. A failure stops start-up rather than serving half a database.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while an editor saves.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var seedDirectory = configuration["Seed:Path"] ?? Path.Combine(AppContext.BaseDirectory, "seed-data");
        await scope.ServiceProvider.GetRequiredService<PortalSeeder>().SeedAsync(seedDirectory);
        await MarkdownHtml.FillMissingAsync(db);
    }

    // A relative SQLite path is taken from the content root (not the working directory) and its folder is created,
    // so the portal starts from any directory with nothing set up.
    internal static string ResolveSqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/portal.db" : configured);
        var dataSource = builder.DataSource;
        if (dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(dataSource))
            {
                dataSource = Path.GetFullPath(Path.Combine(contentRoot, dataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(dataSource)!);
            builder.DataSource = dataSource;
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
