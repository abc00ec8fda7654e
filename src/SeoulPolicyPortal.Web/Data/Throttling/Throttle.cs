using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Throttling;

/// <summary>
/// How often something keyed by a string (a client address, an account, a device) has happened recently, and until
/// when it is blocked. Rows live in the shared database, so every instance throttles alike.
/// </summary>
public sealed class Throttle
{
    /// <summary>"purpose:kind:subject", e.g. "sign-in:account:someone@example.org".</summary>
    public required string Key { get; set; }

    /// <summary>Hits since the key was last quiet for a whole window.</summary>
    public int Hits { get; set; }

    public DateTime FirstHitAtUtc { get; set; }
    public DateTime LastHitAtUtc { get; set; }
    public DateTime? BlockedUntilUtc { get; set; }

    /// <summary>When the row stops mattering (quiet for a window and not blocked); older rows are deleted.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Concurrency token: two instances counting the same key at once retry rather than lose a hit.</summary>
    public int Version { get; set; }
}

internal sealed class ThrottleConfiguration : IEntityTypeConfiguration<Throttle>
{
    public void Configure(EntityTypeBuilder<Throttle> builder)
    {
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(320);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.ExpiresAtUtc);
    }
}

/// <summary>
/// <see cref="FreeHits"/> hits are allowed while the key has not been quiet for <see cref="Window"/>; every hit after
/// that blocks the key, for <see cref="FirstBlock"/> and then twice as long each time, up to <see cref="MaxBlock"/>.
/// </summary>
public sealed record ThrottlePolicy(int FreeHits, TimeSpan Window, TimeSpan FirstBlock, TimeSpan MaxBlock)
{
    public TimeSpan BlockAfter(int hits)
    {
        if (hits <= FreeHits)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(hits - FreeHits - 1, 30);
        var block = FirstBlock * Math.Pow(2, doublings);
        return block < MaxBlock ? block : MaxBlock;
    }
}
