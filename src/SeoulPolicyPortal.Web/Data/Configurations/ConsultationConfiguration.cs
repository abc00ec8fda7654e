using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Configurations;

internal sealed class ConsultationRequestConfiguration : IEntityTypeConfiguration<ConsultationRequest>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(ConsultationLimits.Line);
        builder.Property(r => r.JobTitle).HasMaxLength(ConsultationLimits.Line);
        builder.Property(r => r.Organisation).HasMaxLength(ConsultationLimits.Line);
        builder.Property(r => r.City).HasMaxLength(ConsultationLimits.Line);
        builder.Property(r => r.Email).HasMaxLength(ConsultationLimits.Email);
        builder.Property(r => r.Topic).HasMaxLength(ConsultationLimits.Line);
        builder.Property(r => r.Message).HasMaxLength(ConsultationLimits.Message);
        builder.Property(r => r.OtherCountry).HasMaxLength(ConsultationLimits.Line);
        builder.Property(r => r.PreferredLanguage).HasMaxLength(10);
        builder.Property(r => r.AssignedTo).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Country).WithMany().HasForeignKey(r => r.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.AboutProject).WithMany().HasForeignKey(r => r.AboutProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.AboutArea).WithMany().HasForeignKey(r => r.AboutAreaId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Country>().WithMany().HasForeignKey(r => r.AboutCountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Area).WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Activities).WithOne().HasForeignKey(a => a.RequestId);
        builder.HasMany(r => r.Replies).WithOne().HasForeignKey(a => a.RequestId);
        builder.HasIndex(r => new { r.Status, r.ReceivedAtUtc });
        builder.HasIndex(r => r.ReceivedAtUtc);
    }
}

internal sealed class ConsultationActivityConfiguration : IEntityTypeConfiguration<ConsultationActivity>
{
    public void Configure(EntityTypeBuilder<ConsultationActivity> builder)
    {
        builder.Property(a => a.By).HasMaxLength(256);
        builder.Property(a => a.Kind).HasMaxLength(20);
        builder.Property(a => a.FromValue).HasMaxLength(256);
        builder.Property(a => a.ToValue).HasMaxLength(256);
        builder.Property(a => a.Text).HasMaxLength(ConsultationLimits.Message);
    }
}

internal sealed class ConsultationReplyConfiguration : IEntityTypeConfiguration<ConsultationReply>
{
    public void Configure(EntityTypeBuilder<ConsultationReply> builder)
    {
        builder.Property(r => r.By).HasMaxLength(256);
        builder.Property(r => r.Subject).HasMaxLength(ConsultationLimits.Subject);
        builder.Property(r => r.Body).HasMaxLength(ConsultationLimits.Reply);
        builder.HasOne(r => r.OutboxMessage).WithMany().HasForeignKey(r => r.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.ToAddress).HasMaxLength(ConsultationLimits.Email);
        builder.Property(m => m.ToName).HasMaxLength(ConsultationLimits.Line);
        builder.Property(m => m.Subject).HasMaxLength(ConsultationLimits.Subject);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => m.MessageKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        builder.HasOne<ConsultationRequest>().WithMany().HasForeignKey(m => m.ConsultationRequestId).OnDelete(DeleteBehavior.SetNull);
    }
}
