using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Areas.Admin.Accounts;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Drafts;

namespace SeoulPolicyPortal.Web.Areas.Admin.Drafts;

public sealed record DraftItem(
    int Id, string Noun, string Label, string Author, DraftStatus Status, DateTime? PublishAtUtc, DateTime UpdatedAtUtc, DraftPurpose Purpose = DraftPurpose.Change)
{
    public static DraftItem From(Draft draft) => new(draft.Id, ContentKind.FromType(draft.EntityType)?.Noun ?? draft.EntityType, draft.Label,
        draft.Author, draft.Status, draft.PublishAtUtc, draft.UpdatedAtUtc, draft.Purpose);

    public bool IsUnpublishing => Purpose == DraftPurpose.Archive;
}

/// <summary>The form that schedules a row's unpublishing: the row, and what was typed.</summary>
public sealed record UnpublishPage(ContentKind Kind, int Id, string Label, string? ArchiveAt, string ZoneId);

public sealed record DraftPage(
    Draft Draft, ContentKind Kind, IReadOnlyList<FieldChange> Changes, bool CanPublish, string? CannotPublishReason, string TimeZoneName)
{
    /// <summary>Whether the signed-in user sees "Edit this draft" (set by the controller: its author, or a reviewer).</summary>
    public bool CanEdit { get; init; }
}

/// <summary>Drafts: the list, one draft with what it changes, and submit, send back, schedule, publish and discard.</summary>
[Route("admin/drafts")]
public sealed class DraftsController(PortalDbContext db, DraftWork drafts, AdminQueries queries, IOptions<DraftOptions> options, EditorClock clock)
    : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Drafts.AsNoTracking().OrderBy(d => d.Status).ThenByDescending(d => d.UpdatedAtUtc).ToListAsync(cancellationToken);
        return View(rows.Select(DraftItem.From).ToList());
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await PageAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    /// <summary>
    /// Reached only when <see cref="DraftPreviewMiddleware"/> could not render the public page with the draft applied
    /// (a signed-in editor's preview is answered there): the item is gone, or the draft no longer fits the database.
    /// </summary>
    [HttpGet("{id:int}/preview")]
    public Task<IActionResult> Preview(int id, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", T["This draft cannot be previewed: the item it changes no longer exists, or the draft no longer fits what was saved since. Discard it, or make the change again."]);
        return ShowWithStatusAsync(id, StatusCodes.Status422UnprocessableEntity, cancellationToken);
    }

    [HttpPost("{id:int}/submit")]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) =>
        MoveAsync(id, DraftStatus.Draft, DraftStatus.Submitted, null, null, "Submitted for review.", cancellationToken);

    [HttpPost("{id:int}/send-back")]
    [Authorize(Policy = AdminPolicies.Publisher)]
    public async Task<IActionResult> SendBack(int id, string? comment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > 2000)
        {
            ModelState.AddModelError("comment", T["Say what should change (at most 2,000 characters)."]);
            return await ShowWithStatusAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
        }

        return await MoveAsync(id, DraftStatus.Submitted, DraftStatus.Draft, comment.Trim(), CurrentUser, "Sent back to its author with your comment.", cancellationToken);
    }

    /// <param name="publishAt">A local date and time in the reviewer's time zone (see <see cref="EditorClock"/>).</param>
    [HttpPost("{id:int}/schedule")]
    [Authorize(Policy = AdminPolicies.Publisher)]
    public async Task<IActionResult> Schedule(int id, string? publishAt, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var time = clock.ToUtc(publishAt, DateTime.UtcNow);
        if (time.Utc is not { } utc)
        {
            ModelState.AddModelError("publishAt", T[time.Problem!]);
            return await ShowWithStatusAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
        }

        return await MoveAsync(id, DraftStatus.Submitted, DraftStatus.Scheduled, null, CurrentUser, "Scheduled: it is published at the time you chose.",
            cancellationToken, utc);
    }

    /// <summary>The form that schedules unpublishing (archiving) a published row at a date and time.</summary>
    [HttpGet("unpublish/{segment}/{id:int}")]
    [Authorize(Policy = AdminPolicies.Publisher)]
    public async Task<IActionResult> Unpublish(string segment, int id, CancellationToken cancellationToken) =>
        ContentKind.FromSegment(segment) is { CanArchive: true } kind && await kind.FindAsync(db, id, cancellationToken) is { } entity
            ? View(new UnpublishPage(kind, id, kind.Describe(entity), null, clock.Zone.Id))
            : NotFound();

    /// <param name="archiveAt">A local date and time in the reviewer's time zone.</param>
    [HttpPost("unpublish/{segment}/{id:int}")]
    [Authorize(Policy = AdminPolicies.Publisher)]
    public async Task<IActionResult> Unpublish(string segment, int id, string? archiveAt, CancellationToken cancellationToken)
    {
        if (ContentKind.FromSegment(segment) is not { CanArchive: true } kind || await kind.FindAsync(db, id, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        var page = new UnpublishPage(kind, id, kind.Describe(entity), archiveAt, clock.Zone.Id);
        var time = clock.ToUtc(archiveAt, DateTime.UtcNow);
        if (time.Utc is not { } utc)
        {
            ModelState.AddModelError("archiveAt", T[time.Problem!]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(page);
        }

        var (draft, problem) = await drafts.ScheduleUnpublishAsync(kind, entity, utc, CurrentUser, cancellationToken);
        if (draft is null)
        {
            ModelState.AddModelError("", T[problem!]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(page);
        }

        Status.Set("Scheduled: readers see the item until the time you chose, when it is archived.");
        return RedirectToAction(nameof(Show), new { id = draft.Id });
    }

    [HttpPost("{id:int}/publish")]
    [Authorize(Policy = AdminPolicies.Publisher)]
    public async Task<IActionResult> Publish(int id, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        switch (await drafts.PublishAsync(id, DraftStatus.Submitted, CurrentUser, cancellationToken))
        {
            case PublishOutcome.Published:
                Status.Set("Published. Readers see the change now.");
                return RedirectToAction(nameof(Index));
            case PublishOutcome.Conflict:
                ModelState.AddModelError("", T["Someone saved this item after the draft was written. Nothing was published; open the item and make the change again."]);
                return await ShowWithStatusAsync(id, StatusCodes.Status409Conflict, cancellationToken);
            case PublishOutcome.Unrenderable:
                ModelState.AddModelError("", T["This draft's text cannot be shown. Nothing was published."]);
                return await ShowWithStatusAsync(id, StatusCodes.Status422UnprocessableEntity, cancellationToken);
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:int}/discard")]
    public async Task<IActionResult> Discard(int id, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        if (draft.Author != CurrentUser && !IsPublisher)
        {
            return Forbid();
        }

        await drafts.DiscardAsync(draft, CurrentUser, cancellationToken);
        if (draft.Purpose == DraftPurpose.Archive)
        {
            Status.Set("The unpublishing was cancelled. Readers keep seeing the item.");
        }
        else
        {
            Status.Set("The draft was discarded.");
        }

        return RedirectToAction(nameof(Index));
    }

    // A reviewer publishes a colleague's draft; publishing one's own is a setting (Drafts:AuthorsMayPublishOwn).
    private async Task<IActionResult?> RefusalAsync(int id, CancellationToken cancellationToken)
    {
        var author = await db.Drafts.Where(d => d.Id == id).Select(d => d.Author).SingleOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return NotFound();
        }

        if (author == CurrentUser && !options.Value.AuthorsMayPublishOwn)
        {
            ModelState.AddModelError("", T["You wrote this draft: a colleague publishes it."]);
            return await ShowWithStatusAsync(id, StatusCodes.Status403Forbidden, cancellationToken);
        }

        return null;
    }

    private async Task<IActionResult> MoveAsync(
        int id, DraftStatus from, DraftStatus to, string? comment, string? reviewer, string message, CancellationToken cancellationToken,
        DateTime? publishAtUtc = null)
    {
        if (!await drafts.MoveAsync(id, from, to, comment, reviewer, publishAtUtc, CurrentUser, cancellationToken))
        {
            ModelState.AddModelError("", T["The draft is no longer waiting for that step; nothing was changed."]);
            return await ShowWithStatusAsync(id, StatusCodes.Status409Conflict, cancellationToken);
        }

        Status.Set(message);
        return RedirectToAction(nameof(Show), new { id });
    }

    private async Task<IActionResult> ShowWithStatusAsync(int id, int status, CancellationToken cancellationToken)
    {
        if (await PageAsync(id, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        Response.StatusCode = status;
        return View(nameof(Show), page);
    }

    private async Task<DraftPage?> PageAsync(int id, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null || ContentKind.FromType(draft.EntityType) is not { } kind)
        {
            return null;
        }

        var current = draft.EntityId is { } entityId ? await kind.FindAsync(db, entityId, cancellationToken) : null;
        var changes = SnapshotDiff.Compare(current is null ? null : kind.SnapshotJson(current), draft.PayloadJson,
            await queries.SnapshotNamesAsync(cancellationToken));
        var reason = !IsPublisher ? T["A Publisher or an Admin publishes drafts."].Value
            : draft.Author == CurrentUser && !options.Value.AuthorsMayPublishOwn ? T["You wrote this draft: a colleague publishes it."].Value
            : null;
        return new DraftPage(draft, kind, changes, reason is null, reason, clock.Zone.Id)
        {
            CanEdit = draft.Purpose == DraftPurpose.Change && (draft.Author == CurrentUser || IsPublisher),
        };
    }
}
