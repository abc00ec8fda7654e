using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulPolicyPortal.Web.Data.Search;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Data.Versioning;

namespace SeoulPolicyPortal.Web.Data.Configurations;

/// <summary>
/// Tells EF which tables have triggers: the search index's (<see cref="SqliteSearchSchema"/>) and the content version's
/// (<see cref="ContentVersionTriggers"/>). With AFTER triggers, SQLite's RETURNING cannot be used to read generated
/// values back, so EF saves these tables the older way
/// (learn.microsoft.com/ef/core/what-is-new/ef-core-8.0/breaking-changes#sqlite-triggers).
/// </summary>
internal sealed class DatabaseTriggers :
    IEntityTypeConfiguration<Country>, IEntityTypeConfiguration<Region>, IEntityTypeConfiguration<City>,
    IEntityTypeConfiguration<Area>, IEntityTypeConfiguration<Concentration>, IEntityTypeConfiguration<Project>,
    IEntityTypeConfiguration<ProjectPartner>, IEntityTypeConfiguration<ContentSection>, IEntityTypeConfiguration<StatedFigure>,
    IEntityTypeConfiguration<Translation>, IEntityTypeConfiguration<SiteText>
{
    public void Configure(EntityTypeBuilder<Country> builder) => Declare(builder, "Countries");

    public void Configure(EntityTypeBuilder<Region> builder) => Declare(builder, "Regions");

    public void Configure(EntityTypeBuilder<City> builder) => Declare(builder, "Cities");

    public void Configure(EntityTypeBuilder<Area> builder) => Declare(builder, "Areas");

    public void Configure(EntityTypeBuilder<Concentration> builder) => Declare(builder, "Concentrations");

    public void Configure(EntityTypeBuilder<Project> builder) => Declare(builder, "Projects");

    public void Configure(EntityTypeBuilder<ProjectPartner> builder) => Declare(builder, "ProjectPartners");

    public void Configure(EntityTypeBuilder<ContentSection> builder) => Declare(builder, "ContentSections");

    public void Configure(EntityTypeBuilder<StatedFigure> builder) => Declare(builder, "StatedFigures");

    public void Configure(EntityTypeBuilder<Translation> builder) => Declare(builder, "Translations");

    public void Configure(EntityTypeBuilder<SiteText> builder) => Declare(builder, "SiteTexts");

    private static void Declare<T>(EntityTypeBuilder<T> builder, string table)
        where T : class => builder.ToTable(table, t =>
        {
            var search = SqliteSearchSchema.TriggersByTable.GetValueOrDefault(table) ?? [];
            foreach (var name in search.Concat(ContentVersionTriggers.SqliteNames(table)))
            {
                t.HasTrigger(name);
            }
        });
}
