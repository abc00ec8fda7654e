using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.Property(r => r.EntityType).HasMaxLength(40);
        builder.Property(r => r.Action).HasMaxLength(40);
        builder.Property(r => r.ChangedBy).HasMaxLength(256);
        builder.Property(r => r.Label).HasMaxLength(400);
        builder.HasIndex(r => new { r.EntityType, r.EntityId, r.Version });
        builder.HasIndex(r => r.ChangedAtUtc);
        builder.HasIndex(r => r.ImportBatchId);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.ActedBy).HasMaxLength(256);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasIndex(e => e.AtUtc);
    }
}
