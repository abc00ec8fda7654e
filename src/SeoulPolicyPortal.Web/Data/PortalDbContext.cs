using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Web.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    // Keys live in the database so that several instances can read each other's cookies and antiforgery tokens.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<City> Cities => Set<City>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Concentration> Concentrations => Set<Concentration>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectPartner> ProjectPartners => Set<ProjectPartner>();
    public DbSet<ContentSection> ContentSections => Set<ContentSection>();
    public DbSet<StatedFigure> StatedFigures => Set<StatedFigure>();
    public DbSet<AppliedSeed> AppliedSeeds => Set<AppliedSeed>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEditedRows();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEditedRows();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // The version the editor's form was loaded with stays the original value, so EF's UPDATE ... WHERE Version = @old
    // matches no row when someone else saved in between and a DbUpdateConcurrencyException is raised instead.
    private void StampEditedRows()
    {
        var now = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries<EditableEntity>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                entry.Entity.UpdatedAtUtc = now;
            }
            else if (entry.State == EntityState.Added && entry.Entity.UpdatedAtUtc == default)
            {
                entry.Entity.UpdatedAtUtc = now;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
