using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulPolicyPortal.Web.Data.Translations;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class TranslationConfiguration : IEntityTypeConfiguration<Translation>
{
    public void Configure(EntityTypeBuilder<Translation> builder)
    {
        builder.Property(t => t.EntityType).HasMaxLength(20);
        builder.Property(t => t.EntityKey).HasMaxLength(20);
        builder.Property(t => t.Field).HasMaxLength(20);
        builder.Property(t => t.Culture).HasMaxLength(10);
        builder.Property(t => t.Text).HasMaxLength(50_000);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.EntityType, t.EntityKey, t.Field, t.Culture }).IsUnique();
        builder.HasIndex(t => t.Culture);
    }
}

internal sealed class TranslationEntryConfiguration : IEntityTypeConfiguration<TranslationEntry>
{
    public void Configure(EntityTypeBuilder<TranslationEntry> builder)
    {
        builder.ConfigureEditable();
        builder.Property(t => t.EntityType).HasMaxLength(20);
        builder.Property(t => t.EntityKey).HasMaxLength(20);
        builder.Property(t => t.Culture).HasMaxLength(10);
        builder.HasIndex(t => new { t.EntityType, t.EntityKey, t.Culture }).IsUnique();
        builder.Ignore(t => t.Texts);
        builder.Ignore(t => t.Label);
    }
}
