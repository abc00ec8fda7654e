using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.ConfigureEditable();
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.Id).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(2);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Aliases).HasMaxLength(400);
        builder.HasOne(c => c.Region).WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
