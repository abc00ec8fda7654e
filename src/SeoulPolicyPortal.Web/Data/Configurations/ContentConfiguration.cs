using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class ContentSectionConfiguration : IEntityTypeConfiguration<ContentSection>
{
    public void Configure(EntityTypeBuilder<ContentSection> builder)
    {
        builder.ConfigureEditable();
        builder.Property(s => s.Slug).HasMaxLength(100);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.BodyMarkdown).HasMaxLength(50_000);
    }
}

internal sealed class StatedFigureConfiguration : IEntityTypeConfiguration<StatedFigure>
{
    public void Configure(EntityTypeBuilder<StatedFigure> builder)
    {
        builder.ConfigureEditable();
        builder.Property(f => f.Key).HasMaxLength(60);
        builder.HasIndex(f => f.Key).IsUnique();
        builder.Property(f => f.Label).HasMaxLength(200);
        builder.Property(f => f.AsOf).HasMaxLength(60);
    }
}

internal sealed class SiteTextConfiguration : IEntityTypeConfiguration<SiteText>
{
    public void Configure(EntityTypeBuilder<SiteText> builder)
    {
        builder.ConfigureEditable();
        builder.Property(t => t.Key).HasMaxLength(60);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.Text).HasMaxLength(SiteText.MaxLength);
    }
}

internal sealed class AppliedSeedConfiguration : IEntityTypeConfiguration<AppliedSeed>
{
    public void Configure(EntityTypeBuilder<AppliedSeed> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(120);
    }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.HasData(new ContentVersion { Id = 1, Value = 1, ChangedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}
