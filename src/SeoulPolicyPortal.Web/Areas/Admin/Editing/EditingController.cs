using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Drafts;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Drafts;

namespace SeoulPolicyPortal.Web.Areas.Admin.Editing;

/// <summary>
/// The one editing flow: a new row's form and its create, an existing row's form and its save, preview and other
/// non-saving buttons re-rendering the form (so it works without JavaScript), a 409 with both versions when someone saved
/// in between (the editor's text kept), and a redirect after every save. A kind's controller derives from this with
/// its route and its <see cref="EditForm{TEntity, TSnapshot, TInput}"/>; history, restore and archive are
/// <c>RevisionsController</c>'s, the same for every kind.
/// </summary>
public abstract class EditingController<TEntity, TSnapshot, TInput>(EditForm<TEntity, TSnapshot, TInput> form) : AdminController
    where TEntity : EditableEntity
    where TInput : class, IEditInput, new()
{
    private ContentKind<TEntity, TSnapshot> Kind => form.Kind;

    protected PortalDbContext Db => HttpContext.RequestServices.GetRequiredService<PortalDbContext>();

    private ContentEditor Editor => HttpContext.RequestServices.GetRequiredService<ContentEditor>();

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        !Kind.CanCreate
            ? NotFound()
            : View(form.View, await PageAsync(new EditorState(Kind, null, "", false), form.NewInput(Request.Query), cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] TInput input, string? command, CancellationToken cancellationToken)
    {
        if (!Kind.CanCreate)
        {
            return NotFound();
        }

        var state = new EditorState(Kind, null, form.Label(input), false);
        if (command == EditCommands.Draft || (Kind.NewStartsAsDraft && IsSave(command)))
        {
            return await SaveDraftAsync(state, null, input, cancellationToken);
        }

        if (!IsSave(command))
        {
            return View(form.View, await ReRenderAsync(state, input, command!, cancellationToken));
        }

        if (!await ValidateAsync(input, null, cancellationToken))
        {
            return await InvalidAsync(state, input, cancellationToken);
        }

        var entity = (TEntity)Kind.New();
        Kind.Apply(entity, form.ToSnapshot(input, isArchived: false));
        Db.Add(entity);
        await Editor.SaveAsync(Kind, entity, RevisionActions.Created, null, null, CurrentUser, cancellationToken);
        Status.Set(form.CreatedMessage);
        return RedirectToAction(nameof(Edit), new { id = entity.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await Kind.FindAsync(Db, id, cancellationToken) is TEntity entity
            ? View(form.View, await PageAsync(StateOf(entity), form.ToInput(entity), cancellationToken))
            : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = InputPrefix)] TInput input, string? command, CancellationToken cancellationToken)
    {
        if (await Kind.FindAsync(Db, id, cancellationToken) is not TEntity entity)
        {
            return NotFound();
        }

        var state = StateOf(entity);
        if (command == EditCommands.Draft)
        {
            return await SaveDraftAsync(state, entity, input, cancellationToken);
        }

        if (!IsSave(command))
        {
            return View(form.View, await ReRenderAsync(state, input, command!, cancellationToken));
        }

        if (!await ValidateAsync(input, id, cancellationToken))
        {
            return await InvalidAsync(state, input, cancellationToken);
        }

        var before = Kind.SnapshotJson(entity);
        Kind.Apply(entity, form.ToSnapshot(input, entity.IsArchived));
        try
        {
            await Editor.SaveAsync(Kind, entity, RevisionActions.Edited, before, input.Version, CurrentUser, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(id, input, cancellationToken);
        }

        Status.Set("Saved. Readers see the change now.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>A saved draft in this kind's form, prefilled from its payload; <paramref name="id"/> is the draft's.</summary>
    [HttpGet("drafts/{id:int}/edit")]
    public async Task<IActionResult> EditDraft(int id, CancellationToken cancellationToken)
    {
        var (draft, refusal) = await EditableDraftAsync(id, cancellationToken);
        if (draft is null)
        {
            return refusal!;
        }

        if (await DraftStateAsync(draft, cancellationToken) is not { } opened)
        {
            return NotFound();
        }

        var input = form.ToInput(opened.Entity);
        input.Version = draft.Version;
        return View(form.View, await PageAsync(opened.State, input, cancellationToken));
    }

    /// <summary>
    /// Saves the form over the same draft. <see cref="IEditInput.Version"/> carries the draft's version here, so a stale
    /// form (someone saved or moved the draft since) gets the conflict page instead of overwriting.
    /// </summary>
    [HttpPost("drafts/{id:int}/edit")]
    public async Task<IActionResult> EditDraft(int id, [Bind(Prefix = InputPrefix)] TInput input, string? command, CancellationToken cancellationToken)
    {
        var (draft, refusal) = await EditableDraftAsync(id, cancellationToken);
        if (draft is null)
        {
            return refusal!;
        }

        if (await DraftStateAsync(draft, cancellationToken) is not { } opened)
        {
            return NotFound();
        }

        if (!IsSave(command) && command != EditCommands.Draft)
        {
            return View(form.View, await ReRenderAsync(opened.State, input, command!, cancellationToken));
        }

        if (!await ValidateAsync(input, draft.EntityId, cancellationToken))
        {
            return View(form.View, await PageAsync(opened.State, input, cancellationToken));
        }

        var mine = form.ToSnapshot(input, opened.Entity.IsArchived);
        var drafts = HttpContext.RequestServices.GetRequiredService<DraftWork>();
        if (!await drafts.UpdateAsync(draft, input.Version, JsonSerializer.Serialize(mine, ContentKind.Json), form.Label(input), CurrentUser, cancellationToken))
        {
            var current = await Db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (current is null)
            {
                ModelState.AddModelError("", T["This draft was published or discarded since you opened it. Nothing was saved; your text is still below."]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(form.View, await PageAsync(opened.State, input, cancellationToken));
            }

            var conflict = await ConflictWithAsync(current.Version, current.UpdatedBy, current.UpdatedAtUtc, current.PayloadJson, mine, cancellationToken);
            input.Version = current.Version;
            return View(form.View, await PageAsync(opened.State with { Conflict = conflict }, input, cancellationToken));
        }

        if (draft.Status == DraftStatus.Draft)
        {
            Status.Set("The draft was saved. Readers still see the published version.");
        }
        else
        {
            Status.Set("The draft was saved and is back with its author: submit it for review again.");
        }

        return RedirectToAction("Show", "Drafts", new { area = "Admin", id });
    }

    // A draft of this kind that the signed-in user may edit: its author's, or anyone's for a Publisher or an Admin. A
    // scheduled unpublishing has no form (it is cancelled and scheduled again).
    private async Task<(Draft? Draft, IActionResult? Refusal)> EditableDraftAsync(int id, CancellationToken cancellationToken)
    {
        var draft = await Db.Drafts.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == id && d.EntityType == Kind.Type && d.Purpose == DraftPurpose.Change, cancellationToken);
        if (draft is null)
        {
            return (null, NotFound());
        }

        return draft.Author == CurrentUser || IsPublisher ? (draft, null) : (null, Forbid());
    }

    // The draft's state on its row (or on a new one), untracked: what the form starts from. Null when the row is gone.
    private async Task<(TEntity Entity, EditorState State)?> DraftStateAsync(Draft draft, CancellationToken cancellationToken)
    {
        var entity = draft.EntityId is { } entityId ? await Kind.FindAsync(Db, entityId, cancellationToken) : Kind.New();
        if (entity is not TEntity typed)
        {
            return null;
        }

        Kind.Apply(typed, draft.PayloadJson);
        Db.ChangeTracker.Clear();
        return (typed, new EditorState(Kind, draft.EntityId, draft.Label, typed.IsArchived, Version: typed.Version, DraftId: draft.Id));
    }

    // A draft is checked like a save, then kept aside: the row, and so the public site, stay as they are. It remembers the
    // version the form was loaded with, so publishing it later conflicts if someone saved in between.
    private async Task<IActionResult> SaveDraftAsync(EditorState state, TEntity? entity, TInput input, CancellationToken cancellationToken)
    {
        if (!await ValidateAsync(input, entity?.Id, cancellationToken))
        {
            return await InvalidAsync(state, input, cancellationToken);
        }

        var payload = JsonSerializer.Serialize(form.ToSnapshot(input, entity?.IsArchived ?? false), ContentKind.Json);
        var draft = await HttpContext.RequestServices.GetRequiredService<DraftWork>().SaveAsync(
            Kind, entity?.Id, entity is null ? null : input.Version, payload, form.Label(input), CurrentUser, cancellationToken);
        if (entity is null)
        {
            Status.Set("Saved as a draft. Readers see it once a Publisher or an Admin publishes it.");
        }
        else
        {
            Status.Set("Saved as a draft. Readers still see the published version.");
        }

        return RedirectToAction("Show", "Drafts", new { area = "Admin", id = draft.Id });
    }

    // Someone saved since this form was loaded: show both versions and let the editor choose; nothing is overwritten,
    // and the form keeps the editor's values with the current version, so "keep mine" is one more save.
    private async Task<IActionResult> ConflictAsync(int id, TInput input, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        var current = (TEntity)(await Kind.FindAsync(Db, id, cancellationToken))!;
        var conflict = await ConflictWithAsync(Kind, current, form.ToSnapshot(input, current.IsArchived), cancellationToken);
        input.Version = current.Version;
        return View(form.View, await PageAsync(StateOf(current) with { Conflict = conflict }, input, cancellationToken));
    }

    /// <summary>Preview and the form's own buttons are handled on the server; nothing is saved or checked.</summary>
    private async Task<EditPage<TInput>> ReRenderAsync(EditorState state, TInput input, string command, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        form.Command(input, command);
        var preview = command == EditCommands.Preview && form.MarkdownField is { } field ? Validation.Markdown(form.Markdown(input), field) : null;
        return await PageAsync(state with { PreviewHtml = preview }, input, cancellationToken);
    }

    // Checks across fields and against the database run after the attributes' checks rather than in
    // IValidatableObject, because MVC skips that when any single field is invalid, and an editor should see every
    // problem at once.
    private async Task<bool> ValidateAsync(TInput input, int? id, CancellationToken cancellationToken)
    {
        await form.ValidateAsync(Validation, input, id, cancellationToken);
        return ModelState.IsValid;
    }

    // The form again with its messages and the editor's input, answered 422 as every refused input in the admin area is.
    private async Task<IActionResult> InvalidAsync(EditorState state, TInput input, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(form.View, await PageAsync(state, input, cancellationToken));
    }

    private EditValidation Validation => new(Db, ModelState, T, InputPrefix);

    private EditorState StateOf(TEntity entity) => EditorState.For(Kind, entity, Kind.Describe(entity));

    private async Task<EditPage<TInput>> PageAsync(EditorState state, TInput input, CancellationToken cancellationToken)
    {
        await form.CompleteAsync(input, state, Db, cancellationToken);
        return new(state, input, await HttpContext.RequestServices.GetRequiredService<AdminQueries>().LookupsAsync(cancellationToken));
    }
}
