using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.ConfigureEditable();
        builder.Property(a => a.Slug).HasMaxLength(60);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Note).HasMaxLength(1000);
    }
}

internal sealed class ConcentrationConfiguration : IEntityTypeConfiguration<Concentration>
{
    public void Configure(EntityTypeBuilder<Concentration> builder)
    {
        builder.ConfigureEditable();
        builder.Property(c => c.Slug).HasMaxLength(80);
        builder.HasIndex(c => new { c.AreaId, c.Slug }).IsUnique();
        builder.HasIndex(c => c.Slug);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasOne(c => c.Area).WithMany(a => a.Concentrations).HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
