using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Controllers;

public sealed record RevisionItem(
    long Id, int Version, string Action, DateTime ChangedAtUtc, string ChangedBy, IReadOnlyList<FieldChange> Changes, bool IsCurrent,
    bool CanRestoreStateBefore);

public sealed record HistoryViewModel(ContentKind Kind, int Id, string Label, bool IsArchived, IReadOnlyList<RevisionItem> Revisions)
{
    public string EditUrl => $"/admin/{Kind.Segment}/{Id}/edit";
}

/// <summary>History, restore, archive and un-archive, the same for every kind of editable content.</summary>
[Route("admin/{segment}/{id:int}")]
public sealed class RevisionsController(PortalDbContext db, ContentEditor editor, AdminQueries queries) : AdminController
{
    [HttpGet("history")]
    public async Task<IActionResult> History(string segment, int id, CancellationToken cancellationToken)
    {
        if (ContentKind.FromSegment(segment) is not { } kind || await kind.FindAsync(db, id, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        var revisions = await db.Revisions.AsNoTracking().Where(r => r.EntityType == kind.Type && r.EntityId == id)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var names = await queries.SnapshotNamesAsync(cancellationToken);
        var items = revisions.Select((r, index) => new RevisionItem(
                r.Id, r.Version, r.Action, r.ChangedAtUtc, r.ChangedBy,
                SnapshotDiff.Compare(r.PreviousSnapshotJson, r.SnapshotJson, names).Where(c => c.Changed).ToList(), index == 0,
                // The oldest revision holds the only copy of the version before it (usually the seed data's).
                index == revisions.Count - 1 && r.PreviousSnapshotJson is not null))
            .ToList();
        return View(new HistoryViewModel(kind, id, kind.Describe(entity), entity.IsArchived, items));
    }

    [HttpPost("history/{revisionId:long}/restore")]
    public async Task<IActionResult> Restore(string segment, int id, long revisionId, bool stateBefore, CancellationToken cancellationToken)
    {
        if (ContentKind.FromSegment(segment) is not { } kind
            || !await editor.RestoreAsync(kind, id, revisionId, CurrentUser, cancellationToken, stateBefore))
        {
            return NotFound();
        }

        TempData["Status"] = "The earlier version was restored as a new version.";
        return Redirect($"/admin/{kind.Segment}/{id}/history");
    }

    [HttpPost("archive")]
    public Task<IActionResult> Archive(string segment, int id, CancellationToken cancellationToken) =>
        SetArchivedAsync(segment, id, archived: true, cancellationToken);

    [HttpPost("unarchive")]
    public Task<IActionResult> Unarchive(string segment, int id, CancellationToken cancellationToken) =>
        SetArchivedAsync(segment, id, archived: false, cancellationToken);

    private async Task<IActionResult> SetArchivedAsync(string segment, int id, bool archived, CancellationToken cancellationToken)
    {
        if (ContentKind.FromSegment(segment) is not { } kind || !await editor.SetArchivedAsync(kind, id, archived, CurrentUser, cancellationToken))
        {
            return NotFound();
        }

        TempData["Status"] = archived
            ? "Archived: readers no longer see it. Nothing was deleted; it can be restored."
            : "Restored from the archive: readers see it again.";
        return Redirect($"/admin/{kind.Segment}/{id}/edit");
    }
}
