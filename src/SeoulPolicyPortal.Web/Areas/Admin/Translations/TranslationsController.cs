using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;

namespace SeoulPolicyPortal.Web.Areas.Admin.Translations;

public sealed record TranslationListViewModel(
    string Culture, string? Kind, bool MissingOnly, IReadOnlyList<MissingCount> Counts, IReadOnlyList<TranslatableItem> Items);

/// <summary>A translation form: one text per field of the item's kind; the ones the item has are shown.</summary>
public sealed class TranslationInput : IEditInput
{
    public int Version { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Body { get; set; }

    public string? Name { get; set; }

    public string? Text { get; set; }

    public string? Label { get; set; }

    /// <summary>The item with its English originals, read from the database before every render and check.</summary>
    [BindNever]
    public TranslatableItem? Original { get; set; }

    [BindNever]
    public string Culture { get; set; } = "";

    /// <summary>The input's property for a field ("title" → "Title"): the form's field names and the messages' keys.</summary>
    public static string Property(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    public string? this[string field]
    {
        get => field switch
        {
            TranslatedKinds.Title => Title,
            TranslatedKinds.Description => Description,
            TranslatedKinds.Body => Body,
            TranslatedKinds.Name => Name,
            TranslatedKinds.Text => Text,
            TranslatedKinds.Label => Label,
            _ => null,
        };
        set
        {
            switch (field)
            {
                case TranslatedKinds.Title: Title = value; break;
                case TranslatedKinds.Description: Description = value; break;
                case TranslatedKinds.Body: Body = value; break;
                case TranslatedKinds.Name: Name = value; break;
                case TranslatedKinds.Text: Text = value; break;
                case TranslatedKinds.Label: Label = value; break;
            }
        }
    }
}

public sealed class TranslationForm : EditForm<TranslationEntry, TranslationSnapshot, TranslationInput>
{
    public static readonly TranslationForm Instance = new();

    public override ContentKind<TranslationEntry, TranslationSnapshot> Kind => ContentKind.Translation;
    public override string CreatedMessage => "Saved. Readers see the change now.";

    public override TranslationInput ToInput(TranslationEntry entry)
    {
        var input = new TranslationInput { Version = entry.Version, Culture = entry.Culture };
        foreach (var (field, text) in entry.Texts)
        {
            input[field] = text;
        }

        return input;
    }

    public override TranslationSnapshot ToSnapshot(TranslationInput input, bool isArchived) =>
        TranslationSnapshot.From(field => string.IsNullOrWhiteSpace(input[field]) ? null : input[field]!.Trim(), isArchived);

    public override string Label(TranslationInput input) => input.Original is { } item ? $"{item.Label} ({input.Culture})" : "";

    public override async Task CompleteAsync(TranslationInput input, EditorState state, PortalDbContext db, CancellationToken cancellationToken)
    {
        if (state.Id is { } id)
        {
            await LoadAsync(input, db, id, cancellationToken);
        }
    }

    /// <summary>Each text fits its field, a Markdown one renders, and only the fields the item has are translated.</summary>
    public override async Task ValidateAsync(EditValidation validation, TranslationInput input, int? id, CancellationToken cancellationToken)
    {
        if (id is null || !await LoadAsync(input, validation.Db, id.Value, cancellationToken))
        {
            return;
        }

        foreach (var field in TranslatedKinds.FieldsOf(input.Original!.Kind))
        {
            var text = input[field.Field];
            var property = TranslationInput.Property(field.Field);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (input.Original.Fields.All(f => f.Field != field.Field))
            {
                validation.Error(property, "This item has no English text in this field to translate.");
            }
            else if (text.Length > field.MaxLength)
            {
                validation.Error(property, "The text can be at most {0} characters.", field.MaxLength.ToString("N0", CultureInfo.CurrentCulture));
            }
            else if (TranslatedKinds.IsMarkdown(field.Field))
            {
                validation.Markdown(text, property);
            }
        }
    }

    private static async Task<bool> LoadAsync(TranslationInput input, PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var entry = await db.TranslationEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        input.Original = entry is null ? null : await new TranslationWork(db).ItemAsync(entry.Culture, entry.EntityType, entry.EntityKey, cancellationToken);
        input.Culture = entry?.Culture ?? "";
        return input.Original is not null;
    }
}

/// <summary>
/// Translations of content into the portal's other languages, edited beside the English original through the one
/// editing pipeline (drafts, review, schedule, history, version check). The list opens an item's translation by its
/// culture, kind and key, which finds or makes its row and goes to the pipeline's form.
/// </summary>
[Route("admin/translations")]
public sealed class TranslationsController(TranslationWork work) : EditingController<TranslationEntry, TranslationSnapshot, TranslationInput>(TranslationForm.Instance)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? culture, string? kind, bool missing = false, CancellationToken cancellationToken = default)
    {
        culture = TranslationWork.IsCulture(culture) ? culture! : TranslationWork.Cultures.First();
        kind = TranslationWork.Kinds.Any(k => k.Kind == kind) ? kind : null;
        var items = await work.ItemsAsync(culture, kind ?? TranslationWork.Kinds[0].Kind, cancellationToken);
        return View(new TranslationListViewModel(culture, kind, missing, await work.MissingAsync(cancellationToken),
            missing ? items.Where(i => i.Missing > 0).ToList() : items));
    }

    /// <summary>
    /// The item's translation form. Its row is made here the first time (it holds no text, so readers see no change),
    /// because drafts, history and the version check all hang on it.
    /// </summary>
    [HttpGet("{culture}/{kind}/{key}")]
    public async Task<IActionResult> Open(string culture, string kind, string key, CancellationToken cancellationToken)
    {
        var item = TranslationWork.IsCulture(culture) ? await work.ItemAsync(culture, kind, key, cancellationToken) : null;
        return item is null ? NotFound() : RedirectToAction(nameof(Edit), new { id = await work.EntryIdAsync(item, culture, cancellationToken) });
    }
}
