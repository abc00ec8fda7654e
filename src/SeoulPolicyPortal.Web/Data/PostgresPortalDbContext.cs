using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SeoulPolicyPortal.Web.Data;

/// <summary>
/// The portal's model on PostgreSQL. It exists to own the PostgreSQL migrations (Data/Migrations/PostgreSQL): EF finds a
/// context's migrations by its exact type. Registered as <see cref="PortalDbContext"/>, so nothing else knows it.
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every time the portal keeps is UTC, but a DateTime read back from SQLite or built from a date has no Kind, and
        // Npgsql refuses to write such a value to "timestamp with time zone": it is marked UTC on the way in and out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
