using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Search;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Projects;

public sealed record PartnerItem(string? Country, string? CountryName, string? Name);

public sealed record ProjectListItem(
    int Id, string Title, string Area, string AreaName, string Concentration, string ConcentrationName,
    IReadOnlyList<PartnerItem> Partners, int StartYear, int EndYear)
{
    /// <summary>The readable part of the project's address; not part of the API's documented item.</summary>
    [JsonIgnore]
    public string Slug
    {
        get => field ??= Infrastructure.Slug.From(Title);
        init;
    }

    /// <summary>The reader's language has no title for it yet: <see cref="Title"/> is the English one.</summary>
    [JsonIgnore]
    public bool TitleUntranslated { get; init; }
}

/// <summary>One choice of a filter with the number of projects choosing it would show; sub-areas carry their area as Group.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected, string? Group = null);

/// <summary>Readers only ever see active projects; the admin list can ask for the archived ones.</summary>
public enum ProjectStatus
{
    Active,
    Archived,
}

public sealed record CatalogueFacets(
    IReadOnlyList<FacetValue> Areas, IReadOnlyList<FacetValue> Concentrations, IReadOnlyList<FacetValue> Countries, IReadOnlyList<FacetValue> Years,
    IReadOnlyList<FacetValue> Regions, CatalogueSummary Summary)
{
    public static readonly CatalogueFacets None = new([], [], [], [], [], CatalogueSummary.Empty);
}

/// <summary>The result of one catalogue question: the filter actually applied, one page of projects and, on request, the facets.</summary>
public sealed record CataloguePage(
    ProjectFilter Filter, int Total, IReadOnlyList<ProjectListItem> Items, CatalogueFacets Facets, IReadOnlyList<FilterProblem> Problems)
{
    public int PageCount => Total == 0 ? 1 : (Total + Filter.PageSize - 1) / Filter.PageSize;
}

/// <summary>
/// The project catalogue's one query, shared by /projects, /api/projects and the country pages. Filters combine;
/// each facet counts projects under all the other filters, so a count says what choosing that value would show.
/// </summary>
/// <remarks>
/// The catalogue is read as two flat row sets (the areas with their sub-areas; one row per project partner), and
/// filtering, counting, the facets, the order and the page are worked out from them in memory: eleven small SQL
/// questions per page cost more than the answers (docs/performance.md). The published rows, and an index of them by
/// filter value and order (<see cref="CatalogueIndex"/>), are kept in <see cref="PublishedContentCache"/> while
/// ContentVersion is unchanged, so a page costs one scalar query and visits only the rows its filters allow; a text
/// search asks the full-text index for ids and filters the same rows. The scale curve (docs/performance.md) shows
/// what that costs at 100 000 projects.
/// </remarks>
public sealed partial class ProjectCatalogue(PortalDbContext db, PublishedContentCache cache, ContentTranslations translations, ISearchIndex search)
{
    public Task<CataloguePage> QueryAsync(
        ProjectFilter filter, bool withFacets, CancellationToken cancellationToken, ProjectStatus status = ProjectStatus.Active) =>
        QueryAsync(filter, withFacets, allRows: false, status == ProjectStatus.Archived, cancellationToken);

    /// <summary>
    /// Every project the filters match, in the chosen order, as one page (the exports): the page and page size are
    /// ignored, everything else is exactly what <see cref="QueryAsync(ProjectFilter, bool, CancellationToken, ProjectStatus)"/> does.
    /// </summary>
    public Task<CataloguePage> QueryAllAsync(ProjectFilter filter, bool withFacets, CancellationToken cancellationToken) =>
        QueryAsync(filter with { Page = 1, PageSize = ProjectFilter.DefaultPageSize }, withFacets, allRows: true, archived: false, cancellationToken);

    private async Task<CataloguePage> QueryAsync(ProjectFilter filter, bool withFacets, bool allRows, bool archived, CancellationToken cancellationToken)
    {
        // One connection for the whole page: every open and close of a pooled SQLite connection re-registers EF's
        // SQL functions, which the profile showed.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await QueryOpenAsync(filter, withFacets, allRows, archived, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<CataloguePage> QueryOpenAsync(ProjectFilter filter, bool withFacets, bool allRows, bool archived, CancellationToken cancellationToken)
    {
        var problems = new List<FilterProblem>();
        var names = await translations.CurrentAsync(cancellationToken);
        var data = archived
            ? Translate(new CatalogueRows(await AreasAsync(cancellationToken), await RowsAsync(filter.Q, archived, cancellationToken),
                await RegionsAsync(cancellationToken)), names)
            : await PublishedRowsAsync(names, cancellationToken);
        var index = data.Index;
        (filter, var countryName) = await DropUnknownValuesAsync(filter, data, problems, cancellationToken);

        // The text search is the full-text index's (every language, aliases, prefixes), the one filter no facet ignores.
        var hits = filter.Q is null || archived
            ? null
            : index.PositionsOf((await search.FindAsync(SearchQuery.Parse(filter.Q), SearchKinds.Project, cancellationToken))
                .Select(h => int.Parse(h.Key, CultureInfo.InvariantCulture)));
        var criteria = Criteria.From(filter, data, hits);
        var counts = index.Count(criteria);
        var total = counts.Matching.Count;
        if (allRows)
        {
            filter = filter with { PageSize = Math.Max(total, 1) };
        }

        var pageCount = total == 0 ? 1 : (total + filter.PageSize - 1) / filter.PageSize;
        if (filter.Page > pageCount)
        {
            problems.Add(new FilterProblem("page", "Page {0} is past the last page of results; the last page is shown.", filter.Page.ToString()));
            filter = filter with { Page = pageCount };
        }

        var areaById = data.Areas.ToDictionary(a => a.Id);
        var items = index.Ordered(counts.Matching, filter.Sort, (filter.Page - 1) * filter.PageSize, filter.PageSize)
            .Select(r => new ProjectListItem(r.Id, r.Title, areaById[r.AreaId].Slug, areaById[r.AreaId].Name,
                r.Concentration, r.ConcentrationName, r.Partners, r.StartYear, r.EndYear)
            { Slug = r.Slug, TitleUntranslated = r.TitleUntranslated })
            .ToList();

        var facets = !withFacets ? CatalogueFacets.None
            : criteria.IsEmpty && index.Unfiltered is { } unfiltered ? unfiltered
            : Facets(filter, counts, data, countryName) with { Summary = Summarise(filter, data, counts) };

        return new CataloguePage(filter, total, items, facets, problems);
    }

    // The published catalogue's rows change only when an editor saves, so they are read again only then.
    // The index and the unfiltered facets (the overview's, the about page's, every project page's) are part of the load,
    // so requests arriving meanwhile wait for them instead of each computing them.
    private Task<CatalogueRows> PublishedRowsAsync(TranslationSet names, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(db, "catalogue:" + names.Culture, async ct =>
        {
            var data = Translate(new CatalogueRows(await AreasAsync(ct), await RowsAsync(null, archived: false, ct), await RegionsAsync(ct)), names);
            var everything = new ProjectFilter();
            var counts = data.Index.Count(Criteria.From(everything, data, hits: null));
            data.Index.Unfiltered = Facets(everything, counts, data, countryName: null) with { Summary = Summarise(everything, data, counts) };
            return data;
        }, cancellationToken);

    // Names in the reader's language, or English where not translated; slugs, codes and ids never change.
    private static CatalogueRows Translate(CatalogueRows rows, TranslationSet names)
    {
        if (names.IsDefault)
        {
            return rows;
        }

        var concentrationNames = rows.Areas.SelectMany(a => a.Concentrations).ToDictionary(c => c.Id, c => names.Concentration(c.Id, c.Name));
        PartnerItem Partner(PartnerItem p) => p.Country is null ? p : p with { CountryName = names.Country(p.Country, p.CountryName ?? p.Country) };
        return new CatalogueRows(
            rows.Areas.Select(a => a with
            {
                Name = names.Area(a.Id, a.Name),
                Concentrations = a.Concentrations.Select(c => c with { Name = concentrationNames[c.Id] }).ToList(),
            }).ToList(),
            rows.Rows.Select(r =>
            {
                var title = names.ProjectTitle(r.Id, r.Title);
                return new ProjectRow(r.Id, title.Text, r.AreaId, r.Concentration, concentrationNames.GetValueOrDefault(r.ConcentrationId, r.ConcentrationName),
                    r.ConcentrationId, r.StartYear, r.EndYear, r.Partners.Select(Partner).ToList())
                { Slug = r.Slug, TitleUntranslated = title.IsFallback };
            }).ToList(),
            rows.Regions with { Regions = rows.Regions.Regions.Select(g => g with { Name = names.Region(g.Slug, g.Name) }).ToList() });
    }

    private sealed record CatalogueRows(List<AreaRow> Areas, List<ProjectRow> Rows, RegionRows Regions)
    {
        // Built once, on first use (the English rows a translation is made from never need one): with 100 000 projects,
        // thirty requests each building their own took the process to 2 GB.
        private readonly Lazy<CatalogueIndex> _index = new(() => new CatalogueIndex(Rows, Regions));

        public Dictionary<string, int> LiveAreaIds { get; } = Areas.Where(a => !a.IsArchived).ToDictionary(a => a.Slug, a => a.Id);

        public CatalogueIndex Index => _index.Value;
    }

    private sealed record RegionRows(List<RegionRow> Regions, Dictionary<string, string> RegionOfCountry);

    private sealed record RegionRow(string Slug, string Name);

    private sealed record ConcentrationRow(int Id, string Slug, string Name, int? Declared);

    private sealed record AreaRow(int Id, string Slug, string Name, bool IsArchived, int? Declared, string? Note, List<ConcentrationRow> Concentrations);

    private sealed record ProjectRow(
        int Id, string Title, int AreaId, string Concentration, string ConcentrationName, int ConcentrationId, int StartYear, int EndYear,
        List<PartnerItem> Partners)
    {
        // Read only after every partner row has been added.
        public List<PartnerItem> Countries => field ??= Partners.Where(p => p.Country is not null).ToList();

        /// <summary>From the English title, whatever language <see cref="Title"/> is in.</summary>
        public string Slug
        {
            get => field ??= Infrastructure.Slug.From(Title);
            init;
        }

        public bool TitleUntranslated { get; init; }
    }

    private sealed record AreaJoinRow(
        int Id, string Slug, string Name, bool IsArchived, int? Declared, string? Note, int? ConcentrationId, string? ConcentrationSlug,
        string? ConcentrationName, int? ConcentrationDeclared);

    private sealed record PartnerJoinRow(
        int Id, string Title, int AreaId, string Concentration, string ConcentrationName, int ConcentrationId, int StartYear, int EndYear,
        int? PartnerId, string? CountryCode, string? CountryName, string? PartnerName);

    // Both queries are flat (one row per join result, grouped below): a collection nested in an EF projection made
    // the shaper build a delegate per row, and DynamicMethod.CreateDelegate led the profile.

    // Archived areas come too: a live sub-area is valid even under an archived area, as it always was.
    private static readonly Func<PortalDbContext, IAsyncEnumerable<AreaJoinRow>> AreasQuery = EF.CompileAsyncQuery(
        (PortalDbContext db) =>
            from a in db.Areas.AsNoTracking()
            from c in a.Concentrations.Where(c => !c.IsArchived).DefaultIfEmpty()
            orderby a.Position, a.Id, c!.Position
            select new AreaJoinRow(a.Id, a.Slug, a.Name, a.IsArchived, a.DeclaredProjectCount, a.Note, (int?)c!.Id, c.Slug, c.Name, c.DeclaredProjectCount));

    // Without a text search (the common case) the rows come from a query compiled once; keep it in step with the
    // search variant in RowsAsync (the text-search tests exercise that one, every other catalogue test this one).
    private static readonly Func<PortalDbContext, bool, IAsyncEnumerable<PartnerJoinRow>> AllRowsQuery = EF.CompileAsyncQuery(
        (PortalDbContext db, bool archived) =>
            from p in db.Projects.AsNoTracking()
            where p.IsArchived == archived
            from pp in p.Partners.DefaultIfEmpty()
            orderby p.Id, pp!.Position
            select new PartnerJoinRow(p.Id, p.Title, p.AreaId, p.Concentration!.Slug, p.Concentration.Name, p.ConcentrationId, p.StartYear, p.EndYear,
                (int?)pp!.Id, pp.CountryCode, pp.Country == null ? null : pp.Country.Name, pp.Name));

    private async Task<List<AreaRow>> AreasAsync(CancellationToken cancellationToken)
    {
        var areas = new List<AreaRow>();
        await foreach (var row in AreasQuery(db).WithCancellation(cancellationToken))
        {
            if (areas.Count == 0 || areas[^1].Id != row.Id)
            {
                areas.Add(new AreaRow(row.Id, row.Slug, row.Name, row.IsArchived, row.Declared, row.Note, []));
            }

            if (row.ConcentrationSlug is not null)
            {
                areas[^1].Concentrations.Add(new ConcentrationRow(row.ConcentrationId!.Value, row.ConcentrationSlug, row.ConcentrationName!, row.ConcentrationDeclared));
            }
        }

        return areas;
    }

    private async Task<RegionRows> RegionsAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Position).Select(r => new RegionRow(r.Slug, r.Name)).ToListAsync(cancellationToken);
        var regionOfCountry = await db.Countries.AsNoTracking().Where(c => c.RegionId != null)
            .Select(c => new { c.Code, Region = c.Region!.Slug })
            .ToDictionaryAsync(c => c.Code, c => c.Region, cancellationToken);
        return new RegionRows(regions, regionOfCountry);
    }

    private async Task<List<ProjectRow>> RowsAsync(string? q, bool archived, CancellationToken cancellationToken)
    {
        var rows = q is null ? AllRowsQuery(db, archived) : ArchivedSearchRows(q, archived);
        var result = new List<ProjectRow>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (result.Count == 0 || result[^1].Id != row.Id)
            {
                result.Add(new ProjectRow(row.Id, row.Title, row.AreaId, row.Concentration, row.ConcentrationName, row.ConcentrationId,
                    row.StartYear, row.EndYear, []));
            }

            if (row.PartnerId is not null)
            {
                result[^1].Partners.Add(new PartnerItem(row.CountryCode, row.CountryName, row.PartnerName));
            }
        }

        return result;
    }

    // The archived projects of the admin list are not in the full-text index, so their search is a plain text match.
    private IAsyncEnumerable<PartnerJoinRow> ArchivedSearchRows(string q, bool archived)
    {
        var projects = db.Projects.AsNoTracking().Where(p => p.IsArchived == archived);
        foreach (var term in SearchText.Terms(q))
        {
            projects = projects.Where(p => p.SearchText.Contains(term));
        }

        return (
                from p in projects
                from pp in p.Partners.DefaultIfEmpty()
                orderby p.Id, pp!.Position
                select new PartnerJoinRow(p.Id, p.Title, p.AreaId, p.Concentration!.Slug, p.Concentration.Name, p.ConcentrationId, p.StartYear, p.EndYear,
                    (int?)pp!.Id, pp.CountryCode, pp.Country == null ? null : pp.Country.Name, pp.Name))
            .AsAsyncEnumerable();
    }

    private async Task<(ProjectFilter Filter, string? CountryName)> DropUnknownValuesAsync(
        ProjectFilter filter, CatalogueRows data, List<FilterProblem> problems, CancellationToken cancellationToken)
    {
        var areas = data.Areas;
        string? countryName = null;
        if (filter.Region is not null && data.Regions.Regions.All(r => r.Slug != filter.Region))
        {
            problems.Add(new FilterProblem("region", "There is no region “{0}”; projects in all regions are shown.", filter.Region));
            filter = filter with { Region = null };
        }

        if (filter.Area is not null && !areas.Any(a => a.Slug == filter.Area && !a.IsArchived))
        {
            problems.Add(new FilterProblem("area", "There is no area “{0}”; projects in all areas are shown.", filter.Area));
            filter = filter with { Area = null };
        }

        if (filter.Concentration is not null
            && !areas.Any(a => (filter.Area == null || a.Slug == filter.Area) && a.Concentrations.Any(c => c.Slug == filter.Concentration)))
        {
            problems.Add(new FilterProblem("concentration", filter.Area is null
                ? "There is no sub-area “{0}”; projects in all sub-areas are shown."
                : "The chosen area has no sub-area “{0}”; projects in all its sub-areas are shown.", filter.Concentration));
            filter = filter with { Concentration = null };
        }

        if (filter.Country is not null && data.Index.CountryName(filter.Country) is null)
        {
            // A country with a project is known from the rows; only one without any costs a look-up.
            var known = await db.Countries.Where(c => c.Code == filter.Country).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
            if (known is null)
            {
                problems.Add(new FilterProblem("country", "No partner country has the code “{0}”; projects in all countries are shown.", filter.Country));
                filter = filter with { Country = null };
            }
            else
            {
                countryName = known;
            }
        }

        return (filter, countryName);
    }

    private static IEnumerable<ProjectRow> Sort(IEnumerable<ProjectRow> rows, ProjectSort sort) => sort switch
    {
        ProjectSort.Oldest => rows.OrderBy(r => r.StartYear).ThenBy(r => r.EndYear).ThenBy(r => r.Id),
        // As SQL's lower() sorted it: ASCII letters folded, then code-unit order.
        ProjectSort.Title => rows.OrderBy(r => AsciiLower(r.Title), StringComparer.Ordinal).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.StartYear).ThenByDescending(r => r.EndYear).ThenByDescending(r => r.Id),
    };

    private static string AsciiLower(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        }
    });

    private static CatalogueFacets Facets(ProjectFilter filter, CatalogueCounts counts, CatalogueRows data, string? countryName)
    {
        var (areas, index) = (data.Areas, data.Index);
        var areaFacet = areas.Where(a => !a.IsArchived)
            .Select(a => new FacetValue(a.Slug, a.Name, index.AreaCount(counts.Facets[(int)Dimension.Area], a.Id), a.Slug == filter.Area))
            .ToList();

        // Each area's sub-areas are its own choices, valued "area/slug": two areas' "Capacity Building" are two choices.
        var concentrationCounts = counts.Facets[(int)Dimension.Concentration];
        var concentrations = areas
            .Where(a => !a.IsArchived && (filter.Area == null || a.Slug == filter.Area))
            .SelectMany(a => a.Concentrations.Select(c => new FacetValue($"{a.Slug}/{c.Slug}", c.Name,
                index.ConcentrationCount(concentrationCounts, a.Id, c.Slug), c.Slug == filter.Concentration && filter.Area == a.Slug, a.Name)))
            .Where(f => f.Count > 0 || f.Selected)
            .ToList();
        if (filter is { Concentration: { } slug, Area: null })
        {
            // An older link's bare sub-area spans every area that has it; offered as one choice so the form keeps it.
            var name = areas.SelectMany(a => a.Concentrations).First(c => c.Slug == slug).Name;
            concentrations.Insert(0, new FacetValue(slug, name, index.ConcentrationCount(concentrationCounts, slug), true));
        }

        var countryFacet = index.CountryCounts(counts.Facets[(int)Dimension.Country])
            .Select(c => new FacetValue(c.Code, index.CountryName(c.Code)!, c.Count, c.Code == filter.Country))
            .ToList();
        if (filter.Country is not null && countryFacet.All(c => !c.Selected))
        {
            countryFacet.Add(new FacetValue(filter.Country, index.CountryName(filter.Country) ?? countryName ?? filter.Country, 0, true));
        }

        countryFacet.Sort((a, b) => string.CompareOrdinal(a.Label, b.Label));

        var regionFacet = data.Regions.Regions
            .Select(r => new FacetValue(r.Slug, r.Name, index.RegionCount(counts.Facets[(int)Dimension.Region], r.Slug), r.Slug == filter.Region))
            .ToList();

        var years = index.YearCounts(counts.Facets[(int)Dimension.Year])
            .Reverse()
            .Select(y => new FacetValue(y.Year.ToString(CultureInfo.InvariantCulture), y.Year.ToString(CultureInfo.InvariantCulture), y.Count,
                y.Year == filter.Year))
            .ToList();
        if (filter.Year is { } year && years.All(y => !y.Selected))
        {
            years.Add(new FacetValue(year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), 0, true));
            years = years.OrderByDescending(y => int.Parse(y.Value, CultureInfo.InvariantCulture)).ToList();
        }

        return new CatalogueFacets(areaFacet, concentrations, countryFacet, years, regionFacet, CatalogueSummary.Empty);
    }

    // What the map and the charts show: the projects that match every filter, counted by country, area, sub-area,
    // region and year. Where a dimension is not filtered its counts equal that facet's; a filtered one shows the chosen
    // value and what the matching projects share with others (a project's other partner countries and years).
    private static CatalogueSummary Summarise(ProjectFilter filter, CatalogueRows data, CatalogueCounts counts)
    {
        var index = data.Index;
        var liveAreas = data.Areas.Where(a => !a.IsArchived).ToList();
        var declared = filter.CountsWholeAreas;
        var areas = liveAreas
            .Select(a => new Tally(a.Slug, a.Name, index.AreaCount(counts.Areas, a.Id), declared && filter.Concentration is null ? a.Declared : null,
                a.Slug == filter.Area, a.Note))
            .ToList();

        // With an area chosen every matching project is in it, so its sub-areas' counts are the matching ones by slug.
        var chosenArea = liveAreas.FirstOrDefault(a => a.Slug == filter.Area);
        var concentrations = chosenArea is null
            ? []
            : chosenArea.Concentrations
                .Select(c => new Tally(c.Slug, c.Name, index.ConcentrationCount(counts.Concentrations, chosenArea.Id, c.Slug),
                    declared && (filter.Concentration is null || c.Slug == filter.Concentration) ? c.Declared : null, c.Slug == filter.Concentration))
                .ToList();

        var countries = index.CountryCounts(counts.Countries)
            .Select(c => new Tally(c.Code, index.CountryName(c.Code)!, c.Count, Selected: c.Code == filter.Country))
            .OrderBy(c => c.Label, StringComparer.Ordinal)
            .ToList();

        var regions = data.Regions.Regions
            .Select(r => new Tally(r.Slug, r.Name, index.RegionCount(counts.Regions, r.Slug), Selected: r.Slug == filter.Region))
            .ToList();

        var years = new List<YearTally>();
        for (var year = counts.FirstMatchingYear; year <= counts.LastMatchingYear; year++)
        {
            years.Add(new YearTally(year, index.YearTotal(counts, year), liveAreas.Select(a => index.YearAreaCount(counts, year, a.Id)).ToArray(),
                year == filter.Year));
        }

        return new CatalogueSummary(counts.Matching.Count, countries, areas, concentrations, regions, counts.WithoutCountry, years);
    }
}
