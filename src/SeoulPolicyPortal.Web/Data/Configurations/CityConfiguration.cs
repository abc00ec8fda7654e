using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> builder)
    {
        builder.ConfigureEditable();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Aliases).HasMaxLength(400);
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.Property(c => c.SearchText).HasMaxLength(1000);
        builder.Property(c => c.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Region).WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
