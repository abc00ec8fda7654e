using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Infrastructure.Localization;

namespace SeoulPolicyPortal.Web.Areas.Admin.Translations;

/// <summary>One translatable field of one item: its English original and, if there is one, its translation.</summary>
public sealed record TranslatableField(string Field, string English, string? Translated, int MaxLength)
{
    public bool IsMarkdown => TranslatedKinds.IsMarkdown(Field);
}

/// <summary>One item in the translators' list: what it is (in English) and its fields.</summary>
public sealed record TranslatableItem(string Kind, string Key, string Label, IReadOnlyList<TranslatableField> Fields)
{
    public int Missing => Fields.Count(f => f.Translated is null);
}

/// <summary>How much of one kind is untranslated in one culture, counted by field.</summary>
public sealed record MissingCount(string Culture, string Kind, int Missing, int Total);

/// <summary>
/// What there is to translate, read from the content's own tables beside the Translations table: the admin list, the
/// edit form and the dashboard's count of what is missing per language.
/// </summary>
public sealed class TranslationWork(PortalDbContext db)
{
    /// <summary>The kinds in the order editors meet them, with the English label of each.</summary>
    public static readonly IReadOnlyList<(string Kind, string Label)> Kinds =
    [
        (TranslatedKinds.Project, "Projects"), (TranslatedKinds.Section, "Overview sections"), (TranslatedKinds.Area, "Areas"),
        (TranslatedKinds.Concentration, "Sub-areas"), (TranslatedKinds.City, "Partner cities"), (TranslatedKinds.Country, "Countries"),
        (TranslatedKinds.Region, "Regions"), (TranslatedKinds.SiteText, "Overview heading"), (TranslatedKinds.Figure, "Headline figures"),
    ];

    public static IEnumerable<string> Cultures => PortalCultures.Names.Skip(1);

    public static bool IsCulture(string? culture) => culture is not null && Cultures.Contains(culture);

    public async Task<IReadOnlyList<TranslatableItem>> ItemsAsync(string culture, string? kind, CancellationToken cancellationToken)
    {
        var translated = await db.Translations.AsNoTracking().Where(t => t.Culture == culture && (kind == null || t.EntityType == kind))
            .ToDictionaryAsync(t => (t.EntityType, t.EntityKey, t.Field), t => t.Text, cancellationToken);
        var items = new List<TranslatableItem>();
        TranslatableField Field(string type, string key, string field, string english, int max) =>
            new(field, english, translated.GetValueOrDefault((type, key, field)), max);
        TranslatableItem Named(string type, string key, string english) =>
            new(type, key, english, [Field(type, key, TranslatedKinds.Name, english, 200)]);
        bool Wants(string k) => kind is null || kind == k;

        if (Wants(TranslatedKinds.Project))
        {
            foreach (var p in await db.Projects.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Title, p.DescriptionMarkdown }).ToListAsync(cancellationToken))
            {
                var key = TranslationSet.Key(p.Id);
                var fields = new List<TranslatableField> { Field(TranslatedKinds.Project, key, TranslatedKinds.Title, p.Title, 400) };
                if (!string.IsNullOrWhiteSpace(p.DescriptionMarkdown))
                {
                    fields.Add(Field(TranslatedKinds.Project, key, TranslatedKinds.Description, p.DescriptionMarkdown, 20_000));
                }

                items.Add(new TranslatableItem(TranslatedKinds.Project, key, p.Title, fields));
            }
        }

        if (Wants(TranslatedKinds.Section))
        {
            foreach (var s in await db.ContentSections.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Position)
                .Select(s => new { s.Id, s.Title, s.BodyMarkdown }).ToListAsync(cancellationToken))
            {
                var key = TranslationSet.Key(s.Id);
                items.Add(new TranslatableItem(TranslatedKinds.Section, key, s.Title,
                [
                    Field(TranslatedKinds.Section, key, TranslatedKinds.Title, s.Title, 200),
                    Field(TranslatedKinds.Section, key, TranslatedKinds.Body, s.BodyMarkdown, 50_000),
                ]));
            }
        }

        if (Wants(TranslatedKinds.Area))
        {
            items.AddRange((await db.Areas.AsNoTracking().Where(a => !a.IsArchived).OrderBy(a => a.Position).Select(a => new { a.Id, a.Name })
                .ToListAsync(cancellationToken)).Select(a => Named(TranslatedKinds.Area, TranslationSet.Key(a.Id), a.Name)));
        }

        if (Wants(TranslatedKinds.Concentration))
        {
            items.AddRange((await db.Concentrations.AsNoTracking().Where(c => !c.IsArchived).OrderBy(c => c.Area!.Position).ThenBy(c => c.Position)
                .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
                .Select(c => Named(TranslatedKinds.Concentration, TranslationSet.Key(c.Id), c.Name)));
        }

        if (Wants(TranslatedKinds.City))
        {
            items.AddRange((await db.Cities.AsNoTracking().Where(c => !c.IsArchived).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name })
                .ToListAsync(cancellationToken)).Select(c => Named(TranslatedKinds.City, TranslationSet.Key(c.Id), c.Name)));
        }

        if (Wants(TranslatedKinds.Country))
        {
            items.AddRange((await db.Countries.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken))
                .Select(c => Named(TranslatedKinds.Country, c.Code, c.Name)));
        }

        if (Wants(TranslatedKinds.Region))
        {
            items.AddRange((await db.Regions.AsNoTracking().OrderBy(r => r.Position).Select(r => new { r.Slug, r.Name }).ToListAsync(cancellationToken))
                .Select(r => Named(TranslatedKinds.Region, r.Slug, r.Name)));
        }

        // The overview's heading texts and figure labels are keyed by their own keys, as countries and regions are.
        if (Wants(TranslatedKinds.SiteText))
        {
            items.AddRange((await db.SiteTexts.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Key, t.Text }).ToListAsync(cancellationToken))
                .Select(t => new TranslatableItem(TranslatedKinds.SiteText, t.Key, t.Text,
                    [Field(TranslatedKinds.SiteText, t.Key, TranslatedKinds.Text, t.Text, SiteText.MaxLength)])));
        }

        if (Wants(TranslatedKinds.Figure))
        {
            items.AddRange((await db.StatedFigures.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Key, f.Label }).ToListAsync(cancellationToken))
                .Select(f => new TranslatableItem(TranslatedKinds.Figure, f.Key, f.Label,
                    [Field(TranslatedKinds.Figure, f.Key, TranslatedKinds.Label, f.Label, 200)])));
        }

        return items;
    }

    public async Task<TranslatableItem?> ItemAsync(string culture, string kind, string key, CancellationToken cancellationToken) =>
        (await ItemsAsync(culture, kind, cancellationToken)).FirstOrDefault(i => i.Key == key);

    /// <summary>Untranslated fields per culture and kind (the dashboard and the list's summary).</summary>
    public async Task<IReadOnlyList<MissingCount>> MissingAsync(CancellationToken cancellationToken)
    {
        var counts = new List<MissingCount>();
        foreach (var culture in Cultures)
        {
            var items = await ItemsAsync(culture, null, cancellationToken);
            counts.AddRange(Kinds.Select(k => new MissingCount(culture, k.Kind,
                items.Where(i => i.Kind == k.Kind).Sum(i => i.Missing), items.Where(i => i.Kind == k.Kind).Sum(i => i.Fields.Count))));
        }

        return counts;
    }

    /// <summary>Saves the translator's text per field: a new or changed text is stored, an emptied one removed.</summary>
    public async Task SaveAsync(string culture, TranslatableItem item, IReadOnlyDictionary<string, string?> texts, string user, CancellationToken cancellationToken)
    {
        var existing = await db.Translations.Where(t => t.Culture == culture && t.EntityType == item.Kind && t.EntityKey == item.Key)
            .ToDictionaryAsync(t => t.Field, cancellationToken);
        var now = DateTime.UtcNow;
        foreach (var field in item.Fields)
        {
            var text = texts.GetValueOrDefault(field.Field)?.Trim();
            existing.TryGetValue(field.Field, out var row);
            if (string.IsNullOrEmpty(text))
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
                    EntityType = item.Kind,
                    EntityKey = item.Key,
                    Field = field.Field,
                    Culture = culture,
                    Text = text,
                    UpdatedAtUtc = now,
                    UpdatedBy = user,
                });
            }
            else if (row.Text != text)
            {
                row.Text = text;
                row.UpdatedAtUtc = now;
                row.UpdatedBy = user;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
