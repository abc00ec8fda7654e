using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ConfigureEditable();
        builder.Property(r => r.Slug).HasMaxLength(50);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(100);
    }
}
