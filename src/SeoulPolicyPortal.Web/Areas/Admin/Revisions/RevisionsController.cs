using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Revisions;

public sealed record RevisionItem(
    long Id, int Version, string Action, DateTime ChangedAtUtc, string ChangedBy, IReadOnlyList<FieldChange> Changes, bool IsCurrent,
    bool CanRestoreStateBefore);

/// <summary>A draft's step, from the audit log: what happened, who did it, and the draft's label and comment.</summary>
public sealed record DraftActivityItem(DateTime AtUtc, string Step, string? ActedBy, string? Author, string Detail);

/// <summary>A row's history. <see cref="Version"/> is the version the page shows; every restore form sends it.</summary>
public sealed record HistoryViewModel(ContentKind Kind, int Id, string Label, bool IsArchived, int Version, IReadOnlyList<RevisionItem> Revisions)
{
    /// <summary>Drafts of this row that are not published yet.</summary>
    public IReadOnlyList<Drafts.DraftItem> OpenDrafts { get; init; } = [];

    /// <summary>Draft, review and publish steps about this row, newest first.</summary>
    public IReadOnlyList<DraftActivityItem> DraftActivity { get; init; } = [];
}

/// <summary>
/// A restore or archive sent from a page older than the row: who saved what since, and the same action offered again
/// against the current version. Nothing was changed.
/// </summary>
public sealed record StaleActionViewModel(
    ContentKind Kind, int Id, string Label, int BasedOnVersion, int CurrentVersion, IReadOnlyList<RevisionItem> NewerRevisions,
    string RetryUrl, string RetryLabel);

/// <summary>History, restore, archive and un-archive, the same for every kind of editable content.</summary>
[Route("admin/{segment}/{id:int}")]
public sealed class RevisionsController(PortalDbContext db, ContentEditor editor, AdminQueries queries, Drafts.DraftWork drafts) : AdminController
{
    [HttpGet("history")]
    public async Task<IActionResult> History(string segment, int id, CancellationToken cancellationToken) =>
        ContentKind.FromSegment(segment) is { } kind && await HistoryAsync(kind, id, cancellationToken) is { } history
            ? View(history)
            : NotFound();

    /// <param name="version">The version the history page showed; a newer save makes this a conflict.</param>
    [HttpPost("history/{revisionId:long}/restore")]
    public async Task<IActionResult> Restore(string segment, int id, long revisionId, bool stateBefore, int version, CancellationToken cancellationToken)
    {
        if (ContentKind.FromSegment(segment) is not { } kind)
        {
            return NotFound();
        }

        var (outcome, problem) = await editor.RestoreAsync(kind, id, revisionId, version, CurrentUser, cancellationToken, stateBefore);
        switch (outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Conflict:
                var restored = await db.Revisions.Where(r => r.Id == revisionId).Select(r => r.Version).SingleAsync(cancellationToken) - (stateBefore ? 1 : 0);
                return await StaleAsync(kind, id, version, Url.Action(nameof(Restore), new { segment, id, revisionId, stateBefore })!,
                    T["Restore version {0} anyway", restored], cancellationToken);
            case EditOutcome.Unrenderable:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                ModelState.AddModelError("", T["This version cannot be restored: its text cannot be shown. {0} Edit the current version instead.", T[problem!]]);
                return View(nameof(History), await HistoryAsync(kind, id, cancellationToken));
        }

        Status.Set("The earlier version was restored as a new version.");
        return RedirectToAction(nameof(History), new { segment = kind.Segment, id });
    }

    /// <summary>
    /// An earlier version kept as a draft of the row, based on the version the history page showed: it goes through
    /// review and preview like any draft, and publishing it conflicts if someone saved in between.
    /// </summary>
    [HttpPost("history/{revisionId:long}/draft")]
    public async Task<IActionResult> RestoreAsDraft(string segment, int id, long revisionId, int version, CancellationToken cancellationToken)
    {
        if (ContentKind.FromSegment(segment) is not { } kind
            || await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.EntityType == kind.Type && r.EntityId == id, cancellationToken)
                is not { } revision
            || await kind.FindAsync(db, id, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        if (entity.Version != version)
        {
            return await StaleAsync(kind, id, version, Url.Action(nameof(RestoreAsDraft), new { segment, id, revisionId })!,
                T["Propose version {0} as a draft anyway", revision.Version], cancellationToken);
        }

        // The archived flag is the row's own: proposing old wording must not archive or bring back the row.
        var snapshot = System.Text.Json.Nodes.JsonNode.Parse(revision.SnapshotJson)!.AsObject();
        snapshot["isArchived"] = entity.IsArchived;
        var draft = await drafts.SaveAsync(kind, id, version, snapshot.ToJsonString(), revision.Label, CurrentUser, cancellationToken);
        Status.Set("The earlier version is kept as a draft. Readers see it once it is published.");
        return RedirectToAction("Show", "Drafts", new { area = "Admin", id = draft.Id });
    }

    [HttpPost("archive")]
    public Task<IActionResult> Archive(string segment, int id, int version, CancellationToken cancellationToken) =>
        SetArchivedAsync(segment, id, archived: true, version, cancellationToken);

    [HttpPost("unarchive")]
    public Task<IActionResult> Unarchive(string segment, int id, int version, CancellationToken cancellationToken) =>
        SetArchivedAsync(segment, id, archived: false, version, cancellationToken);

    private async Task<IActionResult> SetArchivedAsync(string segment, int id, bool archived, int version, CancellationToken cancellationToken)
    {
        if (ContentKind.FromSegment(segment) is not { CanArchive: true } kind)
        {
            return NotFound();
        }

        switch (await editor.SetArchivedAsync(kind, id, archived, version, CurrentUser, cancellationToken))
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Conflict:
                return await StaleAsync(kind, id, version, Url.Action(archived ? nameof(Archive) : nameof(Unarchive), new { segment, id })!,
                    archived ? T["Archive anyway"] : T["Restore from archive anyway"], cancellationToken);
        }

        Status.Set(archived
            ? "Archived: readers no longer see it. Nothing was deleted; it can be restored."
            : "Restored from the archive: readers see it again.");
        return RedirectToAction("Edit", kind.Controller, new { area = "Admin", id });
    }

    // 409, as an edit from a stale form gets: the saves the editor did not see, and the action offered again.
    private async Task<IActionResult> StaleAsync(
        ContentKind kind, int id, int basedOn, string retryUrl, string retryLabel, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await HistoryAsync(kind, id, cancellationToken) is not { } history)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Stale", new StaleActionViewModel(kind, id, history.Label, basedOn, history.Version,
            history.Revisions.Where(r => r.Version > basedOn).ToList(), retryUrl, retryLabel));
    }

    private async Task<HistoryViewModel?> HistoryAsync(ContentKind kind, int id, CancellationToken cancellationToken)
    {
        if (await kind.FindAsync(db, id, cancellationToken) is not { } entity)
        {
            return null;
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
        var subject = Drafts.DraftEvents.Subject(kind.Type, id) + " ";
        var activity = await db.AuditEvents.AsNoTracking()
            .Where(e => Drafts.DraftEvents.All.Contains(e.Kind) && e.Detail != null && e.Detail.StartsWith(subject))
            .OrderByDescending(e => e.Id).Take(50)
            .Select(e => new DraftActivityItem(e.AtUtc, e.Kind, e.ActedBy, e.Email, e.Detail!.Substring(subject.Length)))
            .ToListAsync(cancellationToken);
        var open = await db.Drafts.AsNoTracking().Where(d => d.EntityType == kind.Type && d.EntityId == id).OrderByDescending(d => d.UpdatedAtUtc)
            .ToListAsync(cancellationToken);
        return new HistoryViewModel(kind, id, kind.Describe(entity), entity.IsArchived, entity.Version, items)
        {
            OpenDrafts = open.Select(Drafts.DraftItem.From).ToList(),
            DraftActivity = activity,
        };
    }
}
