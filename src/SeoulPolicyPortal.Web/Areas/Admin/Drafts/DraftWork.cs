using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Drafts;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Drafts;

public sealed class DraftOptions
{
    /// <summary>Whether a Publisher or Admin may publish a draft they wrote themselves (otherwise a colleague must).</summary>
    public bool AuthorsMayPublishOwn { get; set; }

    /// <summary>How often the scheduled publisher looks for due drafts.</summary>
    public int PollSeconds { get; set; } = 30;
}

public enum PublishOutcome
{
    Published,
    NotFound,

    /// <summary>The row moved since the draft was written; nothing was written and the draft is kept.</summary>
    Conflict,

    /// <summary>The draft's Markdown cannot be rendered; nothing was written.</summary>
    Unrenderable,
}

/// <summary>
/// Drafts: saving, submitting, sending back, scheduling, and publishing, which goes through <see cref="ContentEditor"/>
/// like a direct save (the version check against the draft's base version, a revision, the content version moved by the
/// database's triggers) and removes the draft in the same transaction.
/// </summary>
public sealed class DraftWork(PortalDbContext db, ContentEditor editor)
{
    /// <param name="importBatchId">The spreadsheet import the draft belongs to (Areas/Admin/Import), if any.</param>
    public async Task<Draft> SaveAsync(
        ContentKind kind, int? entityId, int? baseVersion, string payloadJson, string label, string author, CancellationToken cancellationToken,
        int? importBatchId = null)
    {
        var now = DateTime.UtcNow;
        var draft = new Draft
        {
            EntityType = kind.Type,
            EntityId = entityId,
            BaseVersion = baseVersion,
            PayloadJson = payloadJson,
            Label = label.Length <= 400 ? label : label[..400],
            Author = author,
            UpdatedBy = author,
            Status = DraftStatus.Draft,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ImportBatchId = importBatchId,
        };
        db.Drafts.Add(draft);
        Record(DraftEvents.Saved, draft, author, null);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>Moves a draft from one status to another; false when it is no longer in <paramref name="from"/>.</summary>
    /// <param name="actor">Who takes the step, for the audit log (the reviewer, or the author submitting).</param>
    public async Task<bool> MoveAsync(
        int id, DraftStatus from, DraftStatus to, string? comment, string? reviewer, DateTime? publishAtUtc, string actor, CancellationToken cancellationToken)
    {
        if (await db.Drafts.Where(d => d.Id == id && d.Status == from).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, to)
                .SetProperty(d => d.ReviewComment, comment)
                .SetProperty(d => d.ReviewedBy, reviewer)
                .SetProperty(d => d.PublishAtUtc, publishAtUtc)
                .SetProperty(d => d.Version, d => d.Version + 1)
                .SetProperty(d => d.UpdatedBy, actor)
                .SetProperty(d => d.UpdatedAtUtc, DateTime.UtcNow), cancellationToken) != 1)
        {
            return false;
        }

        var draft = await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        var step = to switch
        {
            DraftStatus.Submitted when from == DraftStatus.Scheduled => DraftEvents.Unscheduled,
            DraftStatus.Submitted => DraftEvents.Submitted,
            DraftStatus.Scheduled => DraftEvents.Scheduled,
            _ => DraftEvents.SentBack,
        };
        Record(step, draft, actor, publishAtUtc is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : comment);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Saves an edited draft over itself, if it is still at <paramref name="expectedVersion"/> (the version its form was
    /// loaded with): false when someone saved or moved it since, or it was published or discarded. Its base version is
    /// kept, so publishing still conflicts if the row moved since the draft was first written; a draft that was
    /// submitted or scheduled goes back to being written, to be reviewed again.
    /// </summary>
    public async Task<bool> UpdateAsync(
        Draft draft, int expectedVersion, string payloadJson, string label, string actor, CancellationToken cancellationToken)
    {
        label = label.Length <= 400 ? label : label[..400];
        if (await db.Drafts.Where(d => d.Id == draft.Id && d.Version == expectedVersion && d.Purpose == DraftPurpose.Change).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.PayloadJson, payloadJson)
                .SetProperty(d => d.Label, label)
                .SetProperty(d => d.Status, DraftStatus.Draft)
                .SetProperty(d => d.PublishAtUtc, (DateTime?)null)
                .SetProperty(d => d.Version, d => d.Version + 1)
                .SetProperty(d => d.UpdatedBy, actor)
                .SetProperty(d => d.UpdatedAtUtc, DateTime.UtcNow), cancellationToken) != 1)
        {
            return false;
        }

        draft.Label = label;
        Record(DraftEvents.Edited, draft, actor, draft.Status == DraftStatus.Draft ? null : "back from " + draft.Status.ToString().ToLowerInvariant() + " to draft");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task DiscardAsync(Draft draft, string actor, CancellationToken cancellationToken)
    {
        if (await db.Drafts.Where(d => d.Id == draft.Id).ExecuteDeleteAsync(cancellationToken) == 1)
        {
            Record(draft.Purpose == DraftPurpose.Archive ? DraftEvents.UnpublishCancelled : DraftEvents.Discarded, draft, actor, null);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A draft's step in the audit log; <see cref="DraftEvents.Subject"/> ties it to the row's history.</summary>
    private void Record(string step, Draft draft, string actor, string? note, int? entityId = null)
    {
        var detail = $"{DraftEvents.Subject(draft.EntityType, entityId ?? draft.EntityId)} {draft.Label}{(note is null ? "" : " — " + note)}";
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = DateTime.UtcNow,
            Kind = step,
            ActedBy = actor,
            Email = draft.Author,
            Detail = detail.Length <= 1000 ? detail : detail[..1000],
        });
    }

    /// <summary>
    /// Publishes a draft now. The draft is claimed by deleting it with a condition on its status inside the transaction
    /// that publishes it, so two reviewers, or two instances' schedulers, cannot both publish it: the second finds no row.
    /// A failed publish rolls the claim back with everything else.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(int id, DraftStatus expectedStatus, string publisher, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Status == expectedStatus, cancellationToken);
        if (draft is null || ContentKind.FromType(draft.EntityType) is not { } kind)
        {
            return PublishOutcome.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Drafts.Where(d => d.Id == id && d.Status == expectedStatus).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return PublishOutcome.NotFound;
        }

        if (draft.Purpose == DraftPurpose.Archive)
        {
            var outcome = await ArchiveAsync(draft, kind, publisher, cancellationToken);
            if (outcome == PublishOutcome.Published)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return outcome;
        }

        var (entity, before, problem) = await StageAsync(draft, kind, cancellationToken);
        if (entity is null)
        {
            return problem;
        }

        if (draft.BaseVersion is { } baseVersion && entity.Version != baseVersion)
        {
            db.ChangeTracker.Clear();
            return PublishOutcome.Conflict;
        }

        try
        {
            await editor.SaveAsync(kind, entity, draft.EntityId is null ? RevisionActions.Created : RevisionActions.Edited, before,
                draft.BaseVersion, publisher, cancellationToken);
            Record(DraftEvents.Published, draft, publisher, null, entity.Id);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return PublishOutcome.Conflict;
        }

        await transaction.CommitAsync(cancellationToken);
        return PublishOutcome.Published;
    }

    // A scheduled unpublishing: archives the row as it is now (edits saved since it was scheduled are kept), as a
    // revision like the Archive button's. A row archived meanwhile needs nothing more.
    private async Task<PublishOutcome> ArchiveAsync(Draft draft, ContentKind kind, string publisher, CancellationToken cancellationToken)
    {
        if (draft.EntityId is not { } entityId || await kind.FindAsync(db, entityId, cancellationToken) is not { } entity)
        {
            return PublishOutcome.NotFound;
        }

        try
        {
            if (!entity.IsArchived)
            {
                var before = kind.SnapshotJson(entity);
                entity.IsArchived = true;
                await editor.SaveAsync(kind, entity, RevisionActions.Archived, before, entity.Version, publisher, cancellationToken);
            }

            Record(DraftEvents.Unpublished, draft, publisher, null);
            await db.SaveChangesAsync(cancellationToken);
            return PublishOutcome.Published;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return PublishOutcome.Conflict;
        }
    }

    /// <summary>
    /// Schedules a published row to be archived at <paramref name="atUtc"/>: a draft of its own purpose, approved by the
    /// reviewer who schedules it, carried out by the scheduled publisher like any scheduled draft (claimed once, kept
    /// across restarts). Null with a reason (an English key) when the row is archived already or has one scheduled.
    /// </summary>
    public async Task<(Draft? Draft, string? Problem)> ScheduleUnpublishAsync(
        ContentKind kind, EditableEntity entity, DateTime atUtc, string reviewer, CancellationToken cancellationToken)
    {
        if (entity.IsArchived)
        {
            return (null, "This item is archived already: readers do not see it.");
        }

        if (await db.Drafts.AnyAsync(d => d.EntityType == kind.Type && d.EntityId == entity.Id && d.Purpose == DraftPurpose.Archive, cancellationToken))
        {
            return (null, "An unpublishing is already scheduled for this item. Cancel it first to choose another time.");
        }

        // The row is only read: the draft keeps its state, archived, for the diff and the lists.
        db.ChangeTracker.Clear();
        entity.IsArchived = true;
        var label = kind.Describe(entity);
        var now = DateTime.UtcNow;
        var draft = new Draft
        {
            EntityType = kind.Type,
            EntityId = entity.Id,
            BaseVersion = entity.Version,
            PayloadJson = kind.SnapshotJson(entity),
            Label = label.Length <= 400 ? label : label[..400],
            Author = reviewer,
            UpdatedBy = reviewer,
            ReviewedBy = reviewer,
            Purpose = DraftPurpose.Archive,
            Status = DraftStatus.Scheduled,
            PublishAtUtc = atUtc,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Drafts.Add(draft);
        Record(DraftEvents.UnpublishScheduled, draft, reviewer, atUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return (draft, null);
    }

    /// <summary>
    /// Writes a draft's state to its row inside the caller's transaction, which the caller rolls back: the public pages
    /// rendered meanwhile show the draft exactly as publishing it would. The base version is not checked, so a draft
    /// that would conflict still previews over the current row. Null when the row is gone or the text cannot be shown.
    /// </summary>
    public async Task<EditableEntity?> StageForPreviewAsync(Draft draft, string user, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A preview is written only inside a transaction that is rolled back.");
        }

        if (ContentKind.FromType(draft.EntityType) is not { } kind || (await StageAsync(draft, kind, cancellationToken)).Entity is not { } entity)
        {
            return null;
        }

        await editor.SaveAsync(kind, entity, RevisionActions.Edited, null, null, user, cancellationToken);
        return entity;
    }

    // The draft's state put on its row (a new, added row when the draft creates one), tracked and not saved yet.
    private async Task<(EditableEntity? Entity, string? Before, PublishOutcome Problem)> StageAsync(
        Draft draft, ContentKind kind, CancellationToken cancellationToken)
    {
        var entity = draft.EntityId is { } entityId ? await kind.FindAsync(db, entityId, cancellationToken) : kind.New();
        if (entity is null)
        {
            return (null, null, PublishOutcome.NotFound);
        }

        var before = draft.EntityId is null ? null : kind.SnapshotJson(entity);
        kind.Apply(entity, draft.PayloadJson);
        if (MarkdownRenderer.Render(kind.Markdown(entity)).Problem is not null)
        {
            db.ChangeTracker.Clear();
            return (null, null, PublishOutcome.Unrenderable);
        }

        if (draft.EntityId is null)
        {
            db.Add(entity);
        }

        return (entity, before, PublishOutcome.Published);
    }

    /// <summary>
    /// Publishes every scheduled draft that is due. Each is claimed on its own (see <see cref="PublishAsync"/>), so
    /// several instances can run this at once and each draft is published exactly once; one that cannot be published
    /// any more (the row moved) goes back to review with a comment instead of being retried for ever.
    /// </summary>
    public async Task<int> PublishDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var due = await db.Drafts.AsNoTracking()
            .Where(d => d.Status == DraftStatus.Scheduled && d.PublishAtUtc <= nowUtc)
            .OrderBy(d => d.PublishAtUtc).Select(d => new { d.Id, d.ReviewedBy }).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var draft in due)
        {
            var outcome = await PublishAsync(draft.Id, DraftStatus.Scheduled, draft.ReviewedBy ?? "scheduled publishing", cancellationToken);
            db.ChangeTracker.Clear();
            if (outcome == PublishOutcome.Published)
            {
                published++;
            }
            else if (outcome is PublishOutcome.Conflict or PublishOutcome.Unrenderable)
            {
                await MoveAsync(draft.Id, DraftStatus.Scheduled, DraftStatus.Submitted,
                    "Not published at the scheduled time: the item was changed since this draft was written, or its text cannot be shown.",
                    draft.ReviewedBy, null, "scheduled publishing", cancellationToken);
            }
        }

        return published;
    }
}

/// <summary>The audit log's codes for the steps of a draft, and how an event names the row it is about.</summary>
public static class DraftEvents
{
    public const string Saved = "draft-saved";
    public const string Edited = "draft-edited";
    public const string Submitted = "draft-submitted";
    public const string SentBack = "draft-sent-back";
    public const string Scheduled = "draft-scheduled";
    public const string Unscheduled = "draft-unscheduled";
    public const string Published = "draft-published";
    public const string Discarded = "draft-discarded";
    public const string UnpublishScheduled = "unpublish-scheduled";
    public const string UnpublishCancelled = "unpublish-cancelled";
    public const string Unpublished = "unpublished";

    public static readonly IReadOnlyList<string> All = [Saved, Edited, Submitted, SentBack, Scheduled, Unscheduled, Published, Discarded, UnpublishScheduled, UnpublishCancelled, Unpublished];

    /// <summary>The step in words, in English: the key of its translations.</summary>
    public static string Describe(string code) => code switch
    {
        Saved => "Saved as a draft",
        Edited => "Draft edited",
        Submitted => "Submitted for review",
        SentBack => "Sent back to its author",
        Scheduled => "Approved and scheduled",
        Unscheduled => "Not published at its scheduled time; back in review",
        Published => "Published from a draft",
        Discarded => "Draft discarded",
        UnpublishScheduled => "Unpublishing scheduled",
        UnpublishCancelled => "Scheduled unpublishing cancelled",
        Unpublished => "Unpublished (archived) at its scheduled time",
        _ => code,
    };

    /// <summary>How an event's detail starts: "project:12" (or "project:new" for a row not created yet).</summary>
    public static string Subject(string entityType, int? entityId) =>
        $"{entityType}:{entityId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new"}";
}

/// <summary>Publishes due drafts every few seconds; the schedule lives in the database, so a restart loses nothing.</summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DraftOptions> options, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var published = await scope.ServiceProvider.GetRequiredService<DraftWork>().PublishDueAsync(DateTime.UtcNow, stoppingToken);
                if (published > 0)
                {
                    logger.LogInformation("Published {DraftCount} scheduled drafts", published);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Scheduled publishing failed; it is tried again at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
