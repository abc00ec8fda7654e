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

    /// <param name="key">One item's key, or null for every item of the kind.</param>
    public async Task<IReadOnlyList<TranslatableItem>> ItemsAsync(string culture, string? kind, CancellationToken cancellationToken, string? key = null)
    {
        var translated = await db.Translations.AsNoTracking()
            .Where(t => t.Culture == culture && (kind == null || t.EntityType == kind) && (key == null || t.EntityKey == key))
            .ToDictionaryAsync(t => (t.EntityType, t.EntityKey, t.Field), t => t.Text, cancellationToken);
        var id = int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        if (key is not null && id is null && kind is not (TranslatedKinds.Country or TranslatedKinds.Region or TranslatedKinds.SiteText or TranslatedKinds.Figure))
        {
            return [];
        }

        var items = new List<TranslatableItem>();
        TranslatableField Field(string type, string itemKey, string field, string english) =>
            new(field, english, translated.GetValueOrDefault((type, itemKey, field)), TranslatedKinds.FieldsOf(type).Single(f => f.Field == field).MaxLength);
        TranslatableItem Named(string type, string itemKey, string english) =>
            new(type, itemKey, english, [Field(type, itemKey, TranslatedKinds.Name, english)]);
        bool Wants(string k) => kind is null || kind == k;

        if (Wants(TranslatedKinds.Project))
        {
            foreach (var p in await db.Projects.AsNoTracking().Where(p => !p.IsArchived && (id == null || p.Id == id)).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Title, p.DescriptionMarkdown }).ToListAsync(cancellationToken))
            {
                var itemKey = TranslationSet.Key(p.Id);
                var fields = new List<TranslatableField> { Field(TranslatedKinds.Project, itemKey, TranslatedKinds.Title, p.Title) };
                if (!string.IsNullOrWhiteSpace(p.DescriptionMarkdown))
                {
                    fields.Add(Field(TranslatedKinds.Project, itemKey, TranslatedKinds.Description, p.DescriptionMarkdown));
                }

                items.Add(new TranslatableItem(TranslatedKinds.Project, itemKey, p.Title, fields));
            }
        }

        if (Wants(TranslatedKinds.Section))
        {
            foreach (var s in await db.ContentSections.AsNoTracking().Where(s => !s.IsArchived && (id == null || s.Id == id)).OrderBy(s => s.Position)
                .Select(s => new { s.Id, s.Title, s.BodyMarkdown }).ToListAsync(cancellationToken))
            {
                var itemKey = TranslationSet.Key(s.Id);
                items.Add(new TranslatableItem(TranslatedKinds.Section, itemKey, s.Title,
                [
                    Field(TranslatedKinds.Section, itemKey, TranslatedKinds.Title, s.Title),
                    Field(TranslatedKinds.Section, itemKey, TranslatedKinds.Body, s.BodyMarkdown),
                ]));
            }
        }

        if (Wants(TranslatedKinds.Area))
        {
            items.AddRange((await db.Areas.AsNoTracking().Where(a => !a.IsArchived && (id == null || a.Id == id)).OrderBy(a => a.Position)
                .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
                .Select(a => Named(TranslatedKinds.Area, TranslationSet.Key(a.Id), a.Name)));
        }

        if (Wants(TranslatedKinds.Concentration))
        {
            items.AddRange((await db.Concentrations.AsNoTracking().Where(c => !c.IsArchived && (id == null || c.Id == id))
                .OrderBy(c => c.Area!.Position).ThenBy(c => c.Position)
                .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
                .Select(c => Named(TranslatedKinds.Concentration, TranslationSet.Key(c.Id), c.Name)));
        }

        if (Wants(TranslatedKinds.City))
        {
            items.AddRange((await db.Cities.AsNoTracking().Where(c => !c.IsArchived && (id == null || c.Id == id)).OrderBy(c => c.Name)
                .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
                .Select(c => Named(TranslatedKinds.City, TranslationSet.Key(c.Id), c.Name)));
        }

        if (Wants(TranslatedKinds.Country))
        {
            items.AddRange((await db.Countries.AsNoTracking().Where(c => key == null || c.Code == key).OrderBy(c => c.Name)
                .Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken))
                .Select(c => Named(TranslatedKinds.Country, c.Code, c.Name)));
        }

        if (Wants(TranslatedKinds.Region))
        {
            items.AddRange((await db.Regions.AsNoTracking().Where(r => key == null || r.Slug == key).OrderBy(r => r.Position)
                .Select(r => new { r.Slug, r.Name }).ToListAsync(cancellationToken))
                .Select(r => Named(TranslatedKinds.Region, r.Slug, r.Name)));
        }

        // The overview's heading texts and figure labels are keyed by their own keys, as countries and regions are.
        if (Wants(TranslatedKinds.SiteText))
        {
            items.AddRange((await db.SiteTexts.AsNoTracking().Where(t => key == null || t.Key == key).OrderBy(t => t.Id)
                .Select(t => new { t.Key, t.Text }).ToListAsync(cancellationToken))
                .Select(t => new TranslatableItem(TranslatedKinds.SiteText, t.Key, t.Text, [Field(TranslatedKinds.SiteText, t.Key, TranslatedKinds.Text, t.Text)])));
        }

        if (Wants(TranslatedKinds.Figure))
        {
            items.AddRange((await db.StatedFigures.AsNoTracking().Where(f => key == null || f.Key == key).OrderBy(f => f.Id)
                .Select(f => new { f.Key, f.Label }).ToListAsync(cancellationToken))
                .Select(f => new TranslatableItem(TranslatedKinds.Figure, f.Key, f.Label, [Field(TranslatedKinds.Figure, f.Key, TranslatedKinds.Label, f.Label)])));
        }

        return items;
    }

    public async Task<TranslatableItem?> ItemAsync(string culture, string kind, string key, CancellationToken cancellationToken) =>
        TranslatedKinds.FieldsOf(kind).Count == 0 ? null : (await ItemsAsync(culture, kind, cancellationToken, key)).FirstOrDefault(i => i.Key == key);

    /// <summary>
    /// The id of the item's translation row in the editing pipeline, created the first time it is asked for (it holds no
    /// text, so readers see nothing change). Two editors opening the same item at once both get the one row.
    /// </summary>
    public async Task<int> EntryIdAsync(TranslatableItem item, string culture, CancellationToken cancellationToken)
    {
        var existing = await db.TranslationEntries.AsNoTracking()
            .Where(e => e.EntityType == item.Kind && e.EntityKey == item.Key && e.Culture == culture).Select(e => (int?)e.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var entry = new TranslationEntry { EntityType = item.Kind, EntityKey = item.Key, Culture = culture, UpdatedBy = "translations list" };
        db.TranslationEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return entry.Id;
        }
        catch (DbUpdateException)
        {
            // The other editor's request created it first (the unique index on type, key and culture).
            db.ChangeTracker.Clear();
            return await db.TranslationEntries.AsNoTracking()
                .Where(e => e.EntityType == item.Kind && e.EntityKey == item.Key && e.Culture == culture).Select(e => e.Id)
                .SingleAsync(cancellationToken);
        }
    }

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
}
