using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Search;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Countries;
using SeoulPolicyPortal.Web.Features.Overview;

namespace SeoulPolicyPortal.Web.Features.Search;

/// <summary>One result: what it is called in the reader's language, where it is, and a line of context.</summary>
public sealed record SearchResult(string Title, bool TitleUntranslated, string Action, string Controller, object RouteValues, string? Context, string? Fragment = null);

/// <summary>The results of one kind, best first, with how many matched in all.</summary>
public sealed record SearchGroup(string Kind, int Total, IReadOnlyList<SearchResult> Items);

public sealed record SearchPage(string? Q, SearchQuery Query, bool Shortened, IReadOnlyList<SearchGroup> Groups)
{
    public int Total => Groups.Sum(g => g.Total);
}

/// <summary>
/// The site-wide search: the full-text index ranks, and each record is then described in the reader's language from
/// the same queries the pages use (the directory, the country list, the overview).
/// </summary>
public sealed partial class SiteSearch(
    PortalDbContext db, PublishedContentCache cache, ISearchIndex index, ContentTranslations translations, CityDirectory directory)
{
    public const int PerGroup = 20;

    public async Task<SearchPage> QueryAsync(string? q, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(q);
        var shortened = q is not null && q.Length > SearchQuery.MaxLength;
        if (query.IsEmpty)
        {
            return new SearchPage(q, query, shortened, []);
        }

        var hits = await index.FindAsync(query, kind: null, cancellationToken);
        var names = await translations.CurrentAsync(cancellationToken);
        var groups = new List<SearchGroup>();
        List<string> Keys(string kind) => hits.Where(h => h.Kind == kind).Select(h => h.Key).ToList();

        var projectIds = Keys(SearchKinds.Project).Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();
        if (projectIds.Count > 0)
        {
            var shown = projectIds.Take(PerGroup).ToList();
            var rows = await db.Projects.AsNoTracking().Where(p => shown.Contains(p.Id))
                .Select(p => new { p.Id, p.Title, p.AreaId, Area = p.Area!.Name, p.StartYear, p.EndYear })
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            groups.Add(new SearchGroup(SearchKinds.Project, projectIds.Count, shown.Where(rows.ContainsKey).Select(id =>
            {
                var p = rows[id];
                var title = names.ProjectTitle(p.Id, p.Title);
                return new SearchResult(title.Text, title.IsFallback, "Details", "Projects",
                    new { id = p.Id, slug = Infrastructure.Slug.From(p.Title) },
                    $"{names.Area(p.AreaId, p.Area)} · {Projects.ProjectMarkup.YearsText(p.StartYear, p.EndYear)}");
            }).ToList()));
        }

        var cityKeys = Keys(SearchKinds.City);
        if (cityKeys.Count > 0)
        {
            var cities = (await directory.QueryAsync(new CityFilter(), cancellationToken)).Cities
                .ToDictionary(c => c.Id.ToString(CultureInfo.InvariantCulture));
            var found = cityKeys.Where(cities.ContainsKey).Select(k => cities[k]).ToList();
            groups.Add(new SearchGroup(SearchKinds.City, found.Count, found.Take(PerGroup).Select(c =>
                new SearchResult(c.Name, false, "Index", "Cities", new { q = c.EnglishName, country = c.Country }, c.CountryName)).ToList()));
        }

        var countryKeys = Keys(SearchKinds.Country);
        if (countryKeys.Count > 0)
        {
            var countries = (await CountryList.QueryAsync(db, cancellationToken, names)).ToDictionary(c => c.Code);
            var found = countryKeys.Where(countries.ContainsKey).Select(k => countries[k]).ToList();
            groups.Add(new SearchGroup(SearchKinds.Country, found.Count, found.Take(PerGroup).Select(c =>
                new SearchResult(c.Name, false, "Details", "Countries", new { code = c.Code }, c.Region)).ToList()));
        }

        var sectionKeys = Keys(SearchKinds.Section);
        if (sectionKeys.Count > 0)
        {
            var overview = await cache.GetOrLoadAsync(db, "overview", ct => OverviewQuery.LoadAsync(db, ct), cancellationToken);
            var sections = overview.Sections.Select(s => s.Translate(names)).ToDictionary(s => s.Id.ToString(CultureInfo.InvariantCulture));
            var found = sectionKeys.Where(sections.ContainsKey).Select(k => sections[k]).ToList();
            groups.Add(new SearchGroup(SearchKinds.Section, found.Count, found.Take(PerGroup).Select(s =>
                new SearchResult(s.Title, s.TitleUntranslated, "Index", "Overview", new { }, Highlight.Excerpt(PlainText(s.Html), query), s.Slug)).ToList()));
        }

        return new SearchPage(q, query, shortened, groups.Where(g => g.Total > 0).ToList());
    }

    // The stored HTML is the renderer's own sanitised output; only its text is wanted here, and it is encoded again.
    private static string PlainText(string html) => System.Net.WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
