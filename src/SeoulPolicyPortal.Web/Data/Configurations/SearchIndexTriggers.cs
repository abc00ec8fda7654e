using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulPolicyPortal.Web.Data.Search;
using SeoulPolicyPortal.Web.Data.Translations;

namespace SeoulPolicyPortal.Web.Data.Configurations;

/// <summary>
/// Tells EF which tables keep the search index current through triggers: with AFTER triggers, SQLite's RETURNING
/// cannot be used to read generated values back, so EF saves these tables the older way
/// (learn.microsoft.com/ef/core/what-is-new/ef-core-8.0/breaking-changes#sqlite-triggers).
/// </summary>
internal sealed class SearchIndexTriggers :
    IEntityTypeConfiguration<Project>, IEntityTypeConfiguration<ProjectPartner>, IEntityTypeConfiguration<City>,
    IEntityTypeConfiguration<Country>, IEntityTypeConfiguration<ContentSection>, IEntityTypeConfiguration<Translation>
{
    public void Configure(EntityTypeBuilder<Project> builder) => Declare(builder, "Projects");

    public void Configure(EntityTypeBuilder<ProjectPartner> builder) => Declare(builder, "ProjectPartners");

    public void Configure(EntityTypeBuilder<City> builder) => Declare(builder, "Cities");

    public void Configure(EntityTypeBuilder<Country> builder) => Declare(builder, "Countries");

    public void Configure(EntityTypeBuilder<ContentSection> builder) => Declare(builder, "ContentSections");

    public void Configure(EntityTypeBuilder<Translation> builder) => Declare(builder, "Translations");

    private static void Declare<T>(EntityTypeBuilder<T> builder, string table)
        where T : class => builder.ToTable(table, t =>
        {
            foreach (var name in SqliteSearchSchema.TriggersByTable[table])
            {
                t.HasTrigger(name);
            }
        });
}
