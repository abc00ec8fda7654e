using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulPolicyPortal.Web.Data.Imports;

/// <summary>
/// One applied spreadsheet import. The projects it published carry its id in <see cref="Revision.ImportBatchId"/>, the
/// drafts it made (an Editor's import) in <see cref="Drafts.Draft.ImportBatchId"/>, so the whole batch can be undone.
/// </summary>
public sealed class ImportBatch
{
    public int Id { get; set; }

    public required string FileName { get; set; }

    public required string ImportedBy { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public int ProjectCount { get; set; }

    /// <summary>True when the rows became drafts (an Editor's import) rather than published projects.</summary>
    public bool AsDrafts { get; set; }

    public DateTime? UndoneAtUtc { get; set; }

    public string? UndoneBy { get; set; }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.ImportedBy).HasMaxLength(256);
        builder.Property(b => b.UndoneBy).HasMaxLength(256);
        builder.HasIndex(b => b.ImportedAtUtc);
    }
}
