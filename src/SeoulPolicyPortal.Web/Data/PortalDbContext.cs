using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data.Translations;

namespace SeoulPolicyPortal.Web.Data;

/// <remarks>
/// Owns the SQLite migrations (Data/Migrations); <see cref="PostgresPortalDbContext"/> is the same model with its own.
/// </remarks>
public class PortalDbContext : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options)
        : base(options)
    {
    }

    protected PortalDbContext(DbContextOptions options)
        : base(options)
    {
    }

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
    public DbSet<SiteText> SiteTexts => Set<SiteText>();
    public DbSet<AppliedSeed> AppliedSeeds => Set<AppliedSeed>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();
    public DbSet<ConsultationRequest> ConsultationRequests => Set<ConsultationRequest>();
    public DbSet<ConsultationActivity> ConsultationActivities => Set<ConsultationActivity>();
    public DbSet<ConsultationReply> ConsultationReplies => Set<ConsultationReply>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Throttling.Throttle> Throttles => Set<Throttling.Throttle>();
    public DbSet<Translation> Translations => Set<Translation>();
    public DbSet<TranslationEntry> TranslationEntries => Set<TranslationEntry>();
    public DbSet<Drafts.Draft> Drafts => Set<Drafts.Draft>();
    public DbSet<Imports.ImportBatch> ImportBatches => Set<Imports.ImportBatch>();

    // Published content moves ContentVersion through database triggers (Data/Versioning), not here, so writes that never
    // pass through this method (ExecuteUpdate, a migration, an operator's SQL) move it too.
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEditedRows();
        RenderChangedMarkdown();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEditedRows();
        RenderChangedMarkdown();
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

    // Whoever saves Markdown (the editor, the seeder, a restore) saves its HTML with it, so pages never render Markdown.
    private void RenderChangedMarkdown()
    {
        foreach (var entry in ChangeTracker.Entries<Translation>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified && TranslatedKinds.IsMarkdown(entry.Entity.Field))
            {
                MarkdownHtml.Refresh(entry.Entity);
            }
        }

        foreach (var entry in ChangeTracker.Entries<Project>())
        {
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(p => p.DescriptionMarkdown).IsModified))
            {
                MarkdownHtml.Refresh(entry.Entity);
            }
        }

        foreach (var entry in ChangeTracker.Entries<ContentSection>())
        {
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(s => s.BodyMarkdown).IsModified))
            {
                MarkdownHtml.Refresh(entry.Entity);
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
