using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Editing;

public sealed record Option(string Value, string Label, string? Group = null);

/// <summary>The saved row as it is now, beside what the editor submitted from a stale form.</summary>
public sealed record ConflictViewModel(int TheirVersion, string? TheirUpdatedBy, DateTime TheirUpdatedAtUtc, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// Everything around an edit form: which row, its state, a Markdown preview and a conflict if there is one.
/// <see cref="Version"/> is the saved version the page shows; the archive button sends it, as the form does.
/// </summary>
public sealed record EditorState(
    ContentKind Kind, int? Id, string Label, bool IsArchived, string? PreviewHtml = null, ConflictViewModel? Conflict = null, int Version = 0,
    int? DraftId = null)
{
    public static EditorState For(ContentKind kind, EditableEntity entity, string label) =>
        new(kind, entity.Id, label, entity.IsArchived, Version: entity.Version);

    public bool IsNew => Id is null;

    /// <summary>The action the form posts to (and a stale form reloads): the editing flow's create, edit or edit of a draft.</summary>
    public string FormActionName => DraftId is not null ? "EditDraft" : IsNew ? "Create" : "Edit";

    /// <summary>The id in the form's address: the draft's when a saved draft is edited, else the row's.</summary>
    public int? RouteId => DraftId ?? Id;
}

/// <param name="RegionOfCountry">Each country's region name by code, for the city form's derived region.</param>
public sealed record EditLookups(
    IReadOnlyList<Option> Areas, IReadOnlyList<Option> Concentrations, IReadOnlyList<Option> Countries, IReadOnlyList<Option> Regions,
    IReadOnlyDictionary<string, string> RegionOfCountry);

public sealed record EditPage<TInput>(EditorState State, TInput Input, EditLookups Lookups);

/// <summary>The submit buttons of an edit form; anything but "save" re-renders the form without saving.</summary>
public static class EditCommands
{
    public const string Save = "save";
    public const string Draft = "draft";
    public const string Preview = "preview";
    public const string AddPartner = "add-partner";
    public const string RemovePartnerPrefix = "remove-partner-";
}
