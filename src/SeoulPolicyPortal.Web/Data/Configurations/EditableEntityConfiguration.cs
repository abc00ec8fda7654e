using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal static class EditableEntityConfiguration
{
    public static void ConfigureEditable<T>(this EntityTypeBuilder<T> builder) where T : EditableEntity
    {
        builder.Property(e => e.SeedKey).HasMaxLength(100);
        builder.HasIndex(e => e.SeedKey).IsUnique();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
    }
}
