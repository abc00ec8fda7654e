using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Drafts;
using SeoulPolicyPortal.Web.Data;

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

    private async Task<EditPage<TInput>> PageAsync(EditorState state, TInput input, CancellationToken cancellationToken) =>
        new(state, input, await HttpContext.RequestServices.GetRequiredService<AdminQueries>().LookupsAsync(cancellationToken));
}
