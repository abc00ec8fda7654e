using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;

namespace SeoulPolicyPortal.Web.Areas.Admin.Translations;

/// <summary>The texts of one translation; a field that is not translated is left out (readers see the English).</summary>
public sealed record TranslationSnapshot(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
    bool IsArchived)
{
    public static TranslationSnapshot From(Func<string, string?> text, bool isArchived) => new(
        text(TranslatedKinds.Title), text(TranslatedKinds.Description), text(TranslatedKinds.Body), text(TranslatedKinds.Name),
        text(TranslatedKinds.Text), text(TranslatedKinds.Label), isArchived);

    public string? this[string field] => field switch
    {
        TranslatedKinds.Title => Title,
        TranslatedKinds.Description => Description,
        TranslatedKinds.Body => Body,
        TranslatedKinds.Name => Name,
        TranslatedKinds.Text => Text,
        TranslatedKinds.Label => Label,
        _ => null,
    };
}

/// <summary>
/// A translation of one item into one culture, in the one editing pipeline: drafts, review, scheduled publishing,
/// history, restore and the version check work as for every other kind. The row is a <see cref="TranslationEntry"/>;
/// its texts are written to the Translations table, which readers and the search index read, in the same transaction.
/// </summary>
public sealed class TranslationKind : ContentKind<TranslationEntry, TranslationSnapshot>
{
    public override string Type => "translation";

    public override string Controller => "Translations";
    public override string Segment => "translations";
    public override string Noun => "Translation";

    // An item's translation is opened from the translations list, which makes its row; there is nothing to archive
    // (an empty translation shows the English).
    public override bool CanCreate => false;
    public override bool CanArchive => false;

    public override EditableEntity New() => throw new NotSupportedException("A translation's row is made when the translations list opens it.");

    /// <summary>The row with its texts and the English label of its item; null when the item is gone or archived.</summary>
    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var entry = await db.TranslationEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null || await new TranslationWork(db).ItemAsync(entry.Culture, entry.EntityType, entry.EntityKey, cancellationToken) is not { } item)
        {
            return null;
        }

        entry.Label = item.Label;
        entry.Texts = item.Fields.Where(f => f.Translated is not null).ToDictionary(f => f.Field, f => f.Translated!, StringComparer.Ordinal);
        return entry;
    }

    public override TranslationSnapshot Snapshot(TranslationEntry entry) => TranslationSnapshot.From(entry.Texts.GetValueOrDefault, entry.IsArchived);

    /// <summary>Only the fields the item's kind has are kept; an empty one is no translation.</summary>
    public override void Apply(TranslationEntry entry, TranslationSnapshot snapshot)
    {
        entry.Texts = TranslatedKinds.FieldsOf(entry.EntityType)
            .Select(f => (f.Field, Text: snapshot[f.Field]?.Trim()))
            .Where(f => !string.IsNullOrEmpty(f.Text))
            .ToDictionary(f => f.Field, f => f.Text!, StringComparer.Ordinal);
        entry.IsArchived = snapshot.IsArchived;
    }

    public override string Describe(TranslationEntry entry) => $"{entry.Label} ({entry.Culture})";

    public override string? Markdown(EditableEntity entity) =>
        ((TranslationEntry)entity).Texts.Where(t => TranslatedKinds.IsMarkdown(t.Key)).Select(t => t.Value).FirstOrDefault();

    /// <summary>Writes the texts as Translation rows: a new or changed text is stored, an emptied one removed.</summary>
    public override async Task WriteDependentsAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken)
    {
        var entry = (TranslationEntry)entity;
        var rows = await db.Translations
            .Where(t => t.Culture == entry.Culture && t.EntityType == entry.EntityType && t.EntityKey == entry.EntityKey)
            .ToDictionaryAsync(t => t.Field, StringComparer.Ordinal, cancellationToken);
        var now = DateTime.UtcNow;
        foreach (var field in TranslatedKinds.FieldsOf(entry.EntityType))
        {
            var text = entry.Texts.GetValueOrDefault(field.Field);
            rows.TryGetValue(field.Field, out var row);
            if (text is null)
            {
                if (row is not null)
                {
                    db.Translations.Remove(row);
                }
            }
            else if (row is null)
            {
                db.Translations.Add(new Translation
                {
                    EntityType = entry.EntityType,
                    EntityKey = entry.EntityKey,
                    Field = field.Field,
                    Culture = entry.Culture,
                    Text = text,
                    UpdatedAtUtc = now,
                    UpdatedBy = entry.UpdatedBy,
                });
            }
            else if (row.Text != text)
            {
                row.Text = text;
                row.UpdatedAtUtc = now;
                row.UpdatedBy = entry.UpdatedBy;
            }
        }
    }
}
