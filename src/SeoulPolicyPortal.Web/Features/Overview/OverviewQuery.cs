using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Overview;

public sealed record OverviewSection(string Slug, string Title, string Html)
{
    public int Id { get; init; }

    public bool TitleUntranslated { get; init; }

    public bool BodyUntranslated { get; init; }

    public OverviewSection Translate(TranslationSet names)
    {
        if (names.IsDefault)
        {
            return this;
        }

        var key = TranslationSet.Key(Id);
        var title = names.Get(TranslatedKinds.Section, key, TranslatedKinds.Title, Title);
        var html = names.Html(TranslatedKinds.Section, key, TranslatedKinds.Body);
        return this with { Title = title.Text, TitleUntranslated = title.IsFallback, Html = html ?? Html, BodyUntranslated = html is null };
    }
}

/// <summary>
/// A headline number as counted in the portal's database, beside the figure the source document states. Where the two
/// count different things, <see cref="StatedNote"/> says so instead of setting them side by side.
/// </summary>
public sealed record HeadlineFigure(string Key, string Label, int Counted, int? Stated, string? StatedAsOf, string Link, string? StatedNote = null)
{
    public bool LabelUntranslated { get; init; }
}

/// <summary>
/// The overview's heading and opening sentence are editors' <see cref="SiteText"/> rows; null where the row is missing
/// (the view then falls back to the interface text they were seeded from).
/// </summary>
public sealed record OverviewViewModel(
    IReadOnlyList<OverviewSection> Sections, IReadOnlyList<HeadlineFigure> Figures, Localized? Heading = null, Localized? Lead = null)
{
    /// <summary>The overview in the reader's language: sections, heading, opening sentence and figure labels.</summary>
    public OverviewViewModel Translate(TranslationSet names)
    {
        if (names.IsDefault)
        {
            return this;
        }

        Localized? Text(string key, Localized? english) =>
            english is { } e ? names.Get(TranslatedKinds.SiteText, key, TranslatedKinds.Text, e.Text) : null;

        return this with
        {
            Sections = Sections.Select(s => s.Translate(names)).ToList(),
            Heading = Text(SiteText.OverviewHeading, Heading),
            Lead = Text(SiteText.OverviewLead, Lead),
            Figures = Figures.Select(f => names.Get(TranslatedKinds.Figure, f.Key, TranslatedKinds.Label, f.Label) is var label
                ? f with { Label = label.Text, LabelUntranslated = label.IsFallback } : f).ToList(),
        };
    }
}

/// <summary>The overview page: its text and figures, and the map and charts of every project and partner city.</summary>
public sealed record OverviewPage(OverviewViewModel Overview, CatalogueSummary Projects, CityDirectoryPage Cities);

/// <summary>Everything the overview shows; it changes only when published content does, so it is kept under ContentVersion.</summary>
public static class OverviewQuery
{
    public static async Task<OverviewViewModel> LoadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var sections = await db.ContentSections.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Position)
            .Select(s => new OverviewSection(s.Slug, s.Title, s.BodyHtml ?? "") { Id = s.Id })
            .ToListAsync(cancellationToken);
        var stated = await db.StatedFigures.AsNoTracking().ToDictionaryAsync(f => f.Key, cancellationToken);
        var texts = await db.SiteTexts.AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Text, cancellationToken);

        var cities = db.Cities.Where(c => !c.IsArchived);
        var projects = db.Projects.Where(p => !p.IsArchived);
        var partners = db.ProjectPartners.Where(pp => projects.Any(p => p.Id == pp.ProjectId));
        var counts = new Dictionary<string, int>
        {
            ["partner-cities"] = await cities.CountAsync(cancellationToken),
            ["sister-cities"] = await cities.CountAsync(c => c.Relationship == CityRelationship.Sister, cancellationToken),
            ["friendship-cities"] = await cities.CountAsync(c => c.Relationship == CityRelationship.Friendship, cancellationToken),
            ["projects"] = await projects.CountAsync(cancellationToken),
            ["project-countries"] = await partners.Where(pp => pp.CountryCode != null).Select(pp => pp.CountryCode).Distinct().CountAsync(cancellationToken),
            // Named partners in a country: cities, provinces and organisations alike; "Developing countries" is not one.
            ["project-cities"] = await partners.Where(pp => pp.Name != null && pp.CountryCode != null)
                .Select(pp => new { pp.CountryCode, pp.Name }).Distinct().CountAsync(cancellationToken),
        };

        // The label is the editors' (StatedFigure.Label); the one given here is for a figure whose row is missing.
        HeadlineFigure Figure(string key, string label, string link, string? statedNote = null) =>
            stated.GetValueOrDefault(key) is { } row
                ? new(key, row.Label, counts[key], row.Value, row.AsOf, link, statedNote)
                : new(key, label, counts[key], null, null, link, statedNote);

        var figures = new List<HeadlineFigure>
        {
            Figure("partner-cities", "Sister and friendship cities", "/cities"),
            Figure("sister-cities", "Sister cities", "/cities?type=sister"),
            Figure("friendship-cities", "Friendship cities", "/cities?type=friendship"),
            Figure("projects", "Overseas projects", "/projects"),
            Figure("project-countries", "Countries with projects", "/countries"),
            // The source's 65 counts cities; the list names provinces and ministries too, so the two are not compared.
            Figure("project-cities", "Partners named in the project list", "/projects",
                "The source states {0} cities where projects were carried out; the list names cities, provinces and organisations alike, so the two are not the same count."),
        };

        Localized? Text(string key) => texts.GetValueOrDefault(key) is { } text ? new Localized(text, false) : null;

        return new OverviewViewModel(sections, figures, Text(SiteText.OverviewHeading), Text(SiteText.OverviewLead));
    }
}
