using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Editing;

/// <summary>An edit form's input: the version the form was loaded with travels with it, for the conflict check.</summary>
public interface IEditInput
{
    int Version { get; set; }
}

/// <summary>
/// What one editable kind adds to the editing flow (<see cref="EditingController{TEntity, TSnapshot, TInput}"/>): its
/// form, how the form becomes the row's snapshot, and the checks that need the database. The flow itself (create, edit,
/// preview, conflict, redirect after save; archive and restore in the revisions controller) is the same for every kind.
/// </summary>
public abstract class EditForm<TEntity, TSnapshot, TInput>
    where TEntity : EditableEntity
    where TInput : class, IEditInput, new()
{
    public abstract ContentKind<TEntity, TSnapshot> Kind { get; }

    /// <summary>The status message after a create, an English key of SharedResource.</summary>
    public abstract string CreatedMessage { get; }

    /// <summary>The view that shows the form, in the kind's feature folder.</summary>
    public virtual string View => "Edit";

    /// <summary>The field whose Markdown the preview button renders, or null when the kind has none.</summary>
    public virtual string? MarkdownField => null;

    public virtual TInput NewInput(IQueryCollection query) => new();

    public abstract TInput ToInput(TEntity entity);

    public abstract TSnapshot ToSnapshot(TInput input, bool isArchived);

    /// <summary>What the page calls a new row that is being typed.</summary>
    public abstract string Label(TInput input);

    public virtual string? Markdown(TInput input) => null;

    /// <summary>A submit button other than save or preview (adding or removing a row of the form).</summary>
    public virtual void Command(TInput input, string command)
    {
    }

    /// <summary>Fills what the form shows but does not post (a translation's English originals), before every render.</summary>
    public virtual Task CompleteAsync(TInput input, EditorState state, PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Checks across fields and against the database; <paramref name="id"/> is null for a new row.</summary>
    public virtual Task ValidateAsync(EditValidation validation, TInput input, int? id, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

/// <summary>Where a form's checks record their problems: against the field, in the editor's language.</summary>
public sealed class EditValidation(PortalDbContext db, ModelStateDictionary modelState, IStringLocalizer localizer, string prefix)
{
    public PortalDbContext Db => db;

    /// <summary>True while no check, of the attributes or of the form, has found a problem.</summary>
    public bool IsValid => modelState.IsValid;

    public void Error(string field, string message, params object[] arguments) =>
        modelState.AddModelError($"{prefix}.{field}", localizer[message, arguments]);

    /// <summary>
    /// The Markdown as HTML, or null with the reason it cannot be shown recorded against the field: Markdown that cannot
    /// be rendered is refused, never saved, and what was typed stays in the form.
    /// </summary>
    public string? Markdown(string? markdown, string field)
    {
        var rendered = MarkdownRenderer.Render(markdown);
        if (rendered.Problem is { } problem)
        {
            Error(field, problem);
            return null;
        }

        return rendered.Html;
    }
}
