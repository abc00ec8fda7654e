using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Data.Versioning;

namespace SeoulPolicyPortal.Web.Data.Configurations;

/// <summary>
/// Declares the triggers that move <see cref="ContentVersion"/> (<see cref="ContentVersionTriggers"/>), for the same
/// reason as <see cref="SearchIndexTriggers"/>: EF then saves these tables without SQLite's RETURNING.
/// </summary>
internal sealed class ContentVersionTriggerConfiguration :
    IEntityTypeConfiguration<Country>, IEntityTypeConfiguration<Region>, IEntityTypeConfiguration<City>,
    IEntityTypeConfiguration<Area>, IEntityTypeConfiguration<Concentration>, IEntityTypeConfiguration<Project>,
    IEntityTypeConfiguration<ProjectPartner>, IEntityTypeConfiguration<ContentSection>, IEntityTypeConfiguration<StatedFigure>,
    IEntityTypeConfiguration<Translation>
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

    private static void Declare<T>(EntityTypeBuilder<T> builder, string table)
        where T : class => builder.ToTable(table, t =>
        {
            foreach (var name in ContentVersionTriggers.SqliteNames(table))
            {
                t.HasTrigger(name);
            }
        });
}
