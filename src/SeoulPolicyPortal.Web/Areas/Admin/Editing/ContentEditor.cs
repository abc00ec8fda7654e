using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Editing;

public enum EditOutcome
{
    Saved,
    NotFound,

    /// <summary>Someone saved the row since the editor's page was loaded; nothing was written.</summary>
    Conflict,

    /// <summary>The state to restore has Markdown that cannot be rendered; nothing was written.</summary>
    Unrenderable,
}

public static class RevisionActions
{
    public const string Created = "created";
    public const string Edited = "edited";
    public const string Archived = "archived";
    public const string Unarchived = "unarchived";
    public const string Restored = "restored";
}

/// <summary>
/// Saves an editor's change together with its revision, in one transaction: a change is never kept without its
/// history, and a stale version raises <see cref="DbUpdateConcurrencyException"/> before anything is written.
/// </summary>
public sealed class ContentEditor(PortalDbContext db)
{
    /// <param name="expectedVersion">The version the editor's form was loaded with; null skips the check (new rows).</param>
    /// <param name="importBatchId">The spreadsheet import this save belongs to (Areas/Admin/Import), if any.</param>
    public async Task SaveAsync(
        ContentKind kind, EditableEntity entity, string action, string? previousSnapshotJson, int? expectedVersion, string user,
        CancellationToken cancellationToken, int? importBatchId = null)
    {
        var entry = db.Entry(entity);
        if (entry.State == EntityState.Unchanged)
        {
            // A change to child rows only (a project's partners) still makes a new version and checks the old one.
            entry.State = EntityState.Modified;
        }

        if (expectedVersion is { } version && entry.State == EntityState.Modified)
        {
            entry.Property(e => e.Version).OriginalValue = version;
        }

        entity.UpdatedBy = user;

        // Inside the caller's transaction when there is one (publishing a draft deletes it in the same one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await kind.WriteDependentsAsync(db, entity, cancellationToken);
        await kind.RefreshDerivedAsync(db, entity, cancellationToken);
        var followers = await kind.FollowersAsync(db, entity, cancellationToken);
        foreach (var follower in followers)
        {
            follower.Entity.UpdatedBy = user;
            await follower.Kind.RefreshDerivedAsync(db, follower.Entity, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        AddRevision(kind, entity, action, previousSnapshotJson, user, importBatchId);
        foreach (var follower in followers)
        {
            AddRevision(follower.Kind, follower.Entity, RevisionActions.Edited, follower.SnapshotBefore, user, importBatchId);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Archives or brings back a row, as a revision like any other change. <paramref name="expectedVersion"/> is the
    /// version the editor's page showed: if someone saved since, nothing is written and the outcome is a conflict.
    /// </summary>
    public async Task<EditOutcome> SetArchivedAsync(
        ContentKind kind, int id, bool archived, int expectedVersion, string user, CancellationToken cancellationToken)
    {
        var entity = await kind.FindAsync(db, id, cancellationToken);
        if (entity is null)
        {
            return EditOutcome.NotFound;
        }

        if (entity.Version != expectedVersion)
        {
            return EditOutcome.Conflict;
        }

        if (entity.IsArchived == archived)
        {
            return EditOutcome.Saved;
        }

        var before = kind.SnapshotJson(entity);
        entity.IsArchived = archived;
        return await SaveCheckedAsync(kind, entity, archived ? RevisionActions.Archived : RevisionActions.Unarchived, before, expectedVersion, user, cancellationToken);
    }

    /// <summary>
    /// Restoring writes the old state as a new version; history is never rewritten. <paramref name="stateBefore"/>
    /// restores the state the revision replaced, which is how a row goes back to what the seed data first made it.
    /// Like an edit, it conflicts when the row is no longer at <paramref name="expectedVersion"/>, and it is refused when
    /// the old state's Markdown can no longer be rendered (it was saved before the limits existed).
    /// </summary>
    public async Task<(EditOutcome Outcome, string? Problem)> RestoreAsync(
        ContentKind kind, int id, long revisionId, int expectedVersion, string user, CancellationToken cancellationToken, bool stateBefore = false)
    {
        var revision = await db.Revisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == revisionId && r.EntityType == kind.Type && r.EntityId == id, cancellationToken);
        var entity = revision is null ? null : await kind.FindAsync(db, id, cancellationToken);
        var snapshot = stateBefore ? revision?.PreviousSnapshotJson : revision?.SnapshotJson;
        if (snapshot is null || entity is null)
        {
            return (EditOutcome.NotFound, null);
        }

        if (entity.Version != expectedVersion)
        {
            return (EditOutcome.Conflict, null);
        }

        var before = kind.SnapshotJson(entity);
        kind.Apply(entity, snapshot);
        if (MarkdownRenderer.Render(kind.Markdown(entity)).Problem is { } problem)
        {
            db.ChangeTracker.Clear();
            return (EditOutcome.Unrenderable, problem);
        }

        return (await SaveCheckedAsync(kind, entity, RevisionActions.Restored, before, expectedVersion, user, cancellationToken), null);
    }

    private async Task<EditOutcome> SaveCheckedAsync(
        ContentKind kind, EditableEntity entity, string action, string before, int expectedVersion, string user, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(kind, entity, action, before, expectedVersion, user, cancellationToken);
            return EditOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between the check above and this save.
            db.ChangeTracker.Clear();
            return EditOutcome.Conflict;
        }
    }

    private void AddRevision(ContentKind kind, EditableEntity entity, string action, string? previousSnapshotJson, string user, int? importBatchId) =>
        db.Revisions.Add(new Revision
        {
            EntityType = kind.Type,
            EntityId = entity.Id,
            Version = entity.Version,
            Action = action,
            ChangedAtUtc = entity.UpdatedAtUtc,
            ChangedBy = user,
            Label = Truncate(kind.Describe(entity), 400),
            SnapshotJson = kind.SnapshotJson(entity),
            PreviousSnapshotJson = previousSnapshotJson,
            ImportBatchId = importBatchId,
        });

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

public sealed record FieldChange(string Field, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>Names for the ids inside snapshots (areaId → area names), so a diff reads "Transportation (3)", not "3".</summary>
public sealed record SnapshotNames(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByField)
{
    public static readonly SnapshotNames None = new(new Dictionary<string, IReadOnlyDictionary<string, string>>());
}

/// <summary>Compares two snapshots field by field, for the history page and the conflict page.</summary>
public static class SnapshotDiff
{
    public static IReadOnlyList<FieldChange> Compare(string? beforeJson, string? afterJson, SnapshotNames? names = null)
    {
        var before = Flatten(beforeJson, names ?? SnapshotNames.None);
        var after = Flatten(afterJson, names ?? SnapshotNames.None);
        return before.Keys.Union(after.Keys)
            .Select(key => new FieldChange(key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)))
            .ToList();
    }

    private static Dictionary<string, string?> Flatten(string? json, SnapshotNames names)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null)
        {
            return fields;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var text = Text(property.Value);
            if (text is not null && names.ByField.TryGetValue(property.Name, out var byId) && byId.TryGetValue(text, out var name))
            {
                text = $"{name} ({text})";
            }

            fields[Humanize(property.Name)] = text;
        }

        return fields;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Text)),
        JsonValueKind.Object => string.Join(" · ", value.EnumerateObject().Select(p => Text(p.Value)).Where(t => !string.IsNullOrEmpty(t))),
        _ => value.GetRawText(),
    };

    private static string Humanize(string name)
    {
        if (name == "isArchived")
        {
            return "Archived";
        }

        if (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal))
        {
            name = name[..^2];
        }

        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i == 0)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (char.IsUpper(c))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
