using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Infrastructure.Localization;

namespace SeoulPolicyPortal.Web.Data.Translations;

/// <summary>A text in the reader's language, or the English original when it is not translated yet.</summary>
public readonly record struct Localized(string Text, bool IsFallback)
{
    public override string ToString() => Text;
}

/// <summary>Every translation of one culture, looked up by kind, key and field.</summary>
public sealed class TranslationSet
{
    public static readonly TranslationSet English = new(PortalCultures.Default, []);

    private readonly Dictionary<(string Type, string Key, string Field), (string Text, string? Html)> _texts;

    public TranslationSet(string culture, Dictionary<(string Type, string Key, string Field), (string Text, string? Html)> texts)
    {
        Culture = culture;
        _texts = texts;
    }

    public string Culture { get; }

    public bool IsDefault => Culture == PortalCultures.Default;

    public Localized Get(string type, string key, string field, string english) =>
        IsDefault ? new(english, false)
        : _texts.TryGetValue((type, key, field), out var t) ? new(t.Text, false)
        : new(english, true);

    /// <summary>The translated HTML of a Markdown field, or null to use the English HTML.</summary>
    public string? Html(string type, string key, string field) =>
        _texts.TryGetValue((type, key, field), out var t) ? t.Html : null;

    public string Name(string type, string key, string english) => Get(type, key, TranslatedKinds.Name, english).Text;

    public string Country(string code, string english) => Name(TranslatedKinds.Country, code, english);

    public string Region(string slug, string english) => Name(TranslatedKinds.Region, slug, english);

    public string Area(int id, string english) => Name(TranslatedKinds.Area, Key(id), english);

    public string Concentration(int id, string english) => Name(TranslatedKinds.Concentration, Key(id), english);

    public string City(int id, string english) => Name(TranslatedKinds.City, Key(id), english);

    public Localized ProjectTitle(int id, string english) => Get(TranslatedKinds.Project, Key(id), TranslatedKinds.Title, english);

    public static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads the translations of a culture once per ContentVersion (a translation is published content: saving one moves
/// the version), so every query that names things can translate its rows in memory without a join per name.
/// </summary>
public sealed class ContentTranslations(PortalDbContext db, PublishedContentCache cache)
{
    public Task<TranslationSet> CurrentAsync(CancellationToken cancellationToken) => ForAsync(PortalCultures.Current, cancellationToken);

    public async Task<TranslationSet> ForAsync(string culture, CancellationToken cancellationToken)
    {
        if (culture == PortalCultures.Default)
        {
            return TranslationSet.English;
        }

        return await cache.GetOrLoadAsync(db, "translations:" + culture, async ct =>
        {
            var rows = await db.Translations.AsNoTracking().Where(t => t.Culture == culture)
                .Select(t => new { t.EntityType, t.EntityKey, t.Field, t.Text, t.Html }).ToListAsync(ct);
            return new TranslationSet(culture, rows.ToDictionary(r => (r.EntityType, r.EntityKey, r.Field), r => (r.Text, r.Html)));
        }, cancellationToken);
    }
}
