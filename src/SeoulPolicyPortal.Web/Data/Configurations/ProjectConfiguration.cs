using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ConfigureEditable();
        builder.Property(p => p.Title).HasMaxLength(400);
        builder.Property(p => p.DescriptionMarkdown).HasMaxLength(20_000);
        builder.Property(p => p.SearchText).HasMaxLength(4000);
        builder.HasIndex(p => new { p.IsArchived, p.StartYear });
        builder.HasOne(p => p.Area).WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Concentration).WithMany().HasForeignKey(p => p.ConcentrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Partners).WithOne().HasForeignKey(pp => pp.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectPartnerConfiguration : IEntityTypeConfiguration<ProjectPartner>
{
    public void Configure(EntityTypeBuilder<ProjectPartner> builder)
    {
        builder.Property(pp => pp.Name).HasMaxLength(200);
        builder.HasOne(pp => pp.Country).WithMany().HasForeignKey(pp => pp.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pp => new { pp.CountryCode, pp.ProjectId });
    }
}
