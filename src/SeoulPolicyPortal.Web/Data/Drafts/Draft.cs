using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Drafts;

public enum DraftStatus
{
    /// <summary>Being written; only its author and reviewers see it.</summary>
    Draft,

    /// <summary>Waiting for a reviewer to publish it or send it back.</summary>
    Submitted,

    /// <summary>Approved; the scheduled publisher publishes it at <see cref="Draft.PublishAtUtc"/>.</summary>
    Scheduled,
}

/// <summary>What publishing a draft does to its row.</summary>
public enum DraftPurpose
{
    /// <summary>Puts <see cref="Draft.PayloadJson"/> on the row (or creates it), if the row is still at the base version.</summary>
    Change,

    /// <summary>
    /// Archives (unpublishes) the row as it is at that time: a scheduled unpublishing. The payload is the row as it was
    /// scheduled, archived, for the list and the diff; edits saved in between are kept, not reverted.
    /// </summary>
    Archive,
}

/// <summary>
/// A change that is not published yet. The public tables hold only the published version, so no public query knows
/// drafts exist; publishing applies <see cref="PayloadJson"/> to the row through the same editor as a direct save
/// (version check, revision, content version moved by the triggers) and deletes the draft in the same transaction.
/// </summary>
public sealed class Draft
{
    public int Id { get; set; }

    /// <summary>The kind, as in Revision.EntityType ("project", "city", ...).</summary>
    public required string EntityType { get; set; }

    /// <summary>The row the draft changes, or null for a row that does not exist yet.</summary>
    public int? EntityId { get; set; }

    /// <summary>The row's version the draft was written against: publishing conflicts if the row moved since.</summary>
    public int? BaseVersion { get; set; }

    /// <summary>The edited state, in the kind's snapshot format (what a revision stores).</summary>
    public required string PayloadJson { get; set; }

    /// <summary>What the draft is called in lists: the title or name it gives the row.</summary>
    public required string Label { get; set; }

    public required string Author { get; set; }

    public DraftStatus Status { get; set; }

    public DraftPurpose Purpose { get; set; }

    /// <summary>Moves on every change of the draft: a form loaded at an older version cannot overwrite a newer save.</summary>
    public int Version { get; set; }

    /// <summary>Who last saved or moved the draft (its author, or a reviewer who edited it).</summary>
    public string? UpdatedBy { get; set; }

    public DateTime? PublishAtUtc { get; set; }

    public string? ReviewComment { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The spreadsheet import that made this draft (an Editor's import), so the batch can be undone.</summary>
    public int? ImportBatchId { get; set; }
}

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.Property(d => d.EntityType).HasMaxLength(20);
        builder.Property(d => d.Label).HasMaxLength(400);
        builder.Property(d => d.Author).HasMaxLength(256);
        builder.Property(d => d.ReviewedBy).HasMaxLength(256);
        builder.Property(d => d.ReviewComment).HasMaxLength(2000);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.EntityType, d.EntityId });

        // The scheduled publisher's question: which approved drafts are due.
        builder.HasIndex(d => new { d.Status, d.PublishAtUtc });
        builder.HasIndex(d => d.ImportBatchId);
    }
}
