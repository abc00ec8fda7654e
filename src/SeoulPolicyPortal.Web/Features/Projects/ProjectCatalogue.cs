using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
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
}

public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

/// <summary>Readers only ever see active projects; the admin list can ask for the archived ones.</summary>
public enum ProjectStatus
{
    Active,
    Archived,
}

public sealed record CatalogueFacets(
    IReadOnlyList<FacetValue> Areas, IReadOnlyList<FacetValue> Concentrations, IReadOnlyList<FacetValue> Countries, IReadOnlyList<FacetValue> Years)
{
    public static readonly CatalogueFacets None = new([], [], [], []);
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
/// questions per page cost more than the answers (docs/performance.md). Without a text search, the rows are reused
/// from <see cref="PublishedContentCache"/> while ContentVersion is unchanged, so a page costs one scalar query. The rows
/// grow with the catalogue (98 projects today); at some thousands of projects, counting in SQL would win again.
/// </remarks>
public sealed class ProjectCatalogue(PortalDbContext db, PublishedContentCache cache)
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
        var (areas, rows) = filter.Q is null && !archived
            ? await PublishedRowsAsync(cancellationToken)
            : (await AreasAsync(cancellationToken), await RowsAsync(filter.Q, archived, cancellationToken));
        (filter, var countryName) = await DropUnknownValuesAsync(filter, areas, rows, problems, cancellationToken);

        var areaIds = areas.Where(a => !a.IsArchived).ToDictionary(a => a.Slug, a => a.Id);
        var matching = rows.Where(r => Matches(r, filter, areaIds)).ToList();
        var total = matching.Count;
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

        var areaById = areas.ToDictionary(a => a.Id);
        var items = Sort(matching, filter.Sort)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(r => new ProjectListItem(r.Id, r.Title, areaById[r.AreaId].Slug, areaById[r.AreaId].Name,
                r.Concentration, r.ConcentrationName, r.Partners, r.StartYear, r.EndYear)
            { Slug = r.Slug })
            .ToList();

        var facets = withFacets ? Facets(filter, areas, rows, areaIds, countryName) : CatalogueFacets.None;
        return new CataloguePage(filter, total, items, facets, problems);
    }

    // The published catalogue's rows change only when an editor saves, so they are read again only then.
    private async Task<(List<AreaRow> Areas, List<ProjectRow> Rows)> PublishedRowsAsync(CancellationToken cancellationToken)
    {
        var rows = await cache.GetOrLoadAsync(db, "catalogue", async ct =>
            new CatalogueRows(await AreasAsync(ct), await RowsAsync(null, archived: false, ct)), cancellationToken);
        return (rows.Areas, rows.Rows);
    }

    private sealed record CatalogueRows(List<AreaRow> Areas, List<ProjectRow> Rows);

    private sealed record ConcentrationRow(string Slug, string Name);

    private sealed record AreaRow(int Id, string Slug, string Name, bool IsArchived, List<ConcentrationRow> Concentrations);

    private sealed record ProjectRow(
        int Id, string Title, int AreaId, string Concentration, string ConcentrationName, int StartYear, int EndYear,
        List<PartnerItem> Partners)
    {
        // Read only after every partner row has been added.
        public List<PartnerItem> Countries => field ??= Partners.Where(p => p.Country is not null).ToList();

        public string Slug => field ??= Infrastructure.Slug.From(Title);
    }

    private sealed record AreaJoinRow(int Id, string Slug, string Name, bool IsArchived, string? ConcentrationSlug, string? ConcentrationName);

    private sealed record PartnerJoinRow(
        int Id, string Title, int AreaId, string Concentration, string ConcentrationName, int StartYear, int EndYear,
        int? PartnerId, string? CountryCode, string? CountryName, string? PartnerName);

    // Both queries are flat (one row per join result, grouped below): a collection nested in an EF projection made
    // the shaper build a delegate per row, and DynamicMethod.CreateDelegate led the profile.

    // Archived areas come too: a live sub-area is valid even under an archived area, as it always was.
    private static readonly Func<PortalDbContext, IAsyncEnumerable<AreaJoinRow>> AreasQuery = EF.CompileAsyncQuery(
        (PortalDbContext db) =>
            from a in db.Areas.AsNoTracking()
            from c in a.Concentrations.Where(c => !c.IsArchived).DefaultIfEmpty()
            orderby a.Position, a.Id, c!.Position
            select new AreaJoinRow(a.Id, a.Slug, a.Name, a.IsArchived, c!.Slug, c.Name));

    // Without a text search (the common case) the rows come from a query compiled once; keep it in step with the
    // search variant in RowsAsync (the text-search tests exercise that one, every other catalogue test this one).
    private static readonly Func<PortalDbContext, bool, IAsyncEnumerable<PartnerJoinRow>> AllRowsQuery = EF.CompileAsyncQuery(
        (PortalDbContext db, bool archived) =>
            from p in db.Projects.AsNoTracking()
            where p.IsArchived == archived
            from pp in p.Partners.DefaultIfEmpty()
            orderby p.Id, pp!.Position
            select new PartnerJoinRow(p.Id, p.Title, p.AreaId, p.Concentration!.Slug, p.Concentration.Name, p.StartYear, p.EndYear,
                (int?)pp!.Id, pp.CountryCode, pp.Country == null ? null : pp.Country.Name, pp.Name));

    private async Task<List<AreaRow>> AreasAsync(CancellationToken cancellationToken)
    {
        var areas = new List<AreaRow>();
        await foreach (var row in AreasQuery(db).WithCancellation(cancellationToken))
        {
            if (areas.Count == 0 || areas[^1].Id != row.Id)
            {
                areas.Add(new AreaRow(row.Id, row.Slug, row.Name, row.IsArchived, []));
            }

            if (row.ConcentrationSlug is not null)
            {
                areas[^1].Concentrations.Add(new ConcentrationRow(row.ConcentrationSlug, row.ConcentrationName!));
            }
        }

        return areas;
    }

    private async Task<List<ProjectRow>> RowsAsync(string? q, bool archived, CancellationToken cancellationToken)
    {
        var rows = q is null ? AllRowsQuery(db, archived) : SearchRows(q, archived);
        var result = new List<ProjectRow>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (result.Count == 0 || result[^1].Id != row.Id)
            {
                result.Add(new ProjectRow(row.Id, row.Title, row.AreaId, row.Concentration, row.ConcentrationName,
                    row.StartYear, row.EndYear, []));
            }

            if (row.PartnerId is not null)
            {
                result[^1].Partners.Add(new PartnerItem(row.CountryCode, row.CountryName, row.PartnerName));
            }
        }

        return result;
    }

    private IAsyncEnumerable<PartnerJoinRow> SearchRows(string q, bool archived)
    {
        // The text search stays in SQL: it is the one filter that no facet ignores. One scalar parameter per term
        // keeps the SQL text stable (an array parameter made EF generate the SQL again on every call).
        var projects = db.Projects.AsNoTracking().Where(p => p.IsArchived == archived);
        foreach (var term in SearchText.Terms(q))
        {
            projects = projects.Where(p => p.SearchText.Contains(term));
        }

        return (
                from p in projects
                from pp in p.Partners.DefaultIfEmpty()
                orderby p.Id, pp!.Position
                select new PartnerJoinRow(p.Id, p.Title, p.AreaId, p.Concentration!.Slug, p.Concentration.Name, p.StartYear, p.EndYear,
                    (int?)pp!.Id, pp.CountryCode, pp.Country == null ? null : pp.Country.Name, pp.Name))
            .AsAsyncEnumerable();
    }

    private async Task<(ProjectFilter Filter, string? CountryName)> DropUnknownValuesAsync(
        ProjectFilter filter, List<AreaRow> areas, List<ProjectRow> rows, List<FilterProblem> problems, CancellationToken cancellationToken)
    {
        string? countryName = null;
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

        if (filter.Country is not null && CountryName(filter.Country, rows, countryName: null) is null)
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

    private static string? CountryName(string code, List<ProjectRow> rows, string? countryName) =>
        rows.SelectMany(r => r.Countries).FirstOrDefault(c => c.Country == code)?.CountryName ?? countryName;

    private static bool Matches(ProjectRow row, ProjectFilter filter, Dictionary<string, int> areaIds, string? ignore = null) =>
        (filter.Area is null || ignore == "area" || (areaIds.TryGetValue(filter.Area, out var areaId) && row.AreaId == areaId))
        && (filter.Concentration is null || ignore == "concentration" || row.Concentration == filter.Concentration)
        && (filter.Country is null || ignore == "country" || row.Countries.Any(c => c.Country == filter.Country))
        && (filter.Year is not { } year || ignore == "year" || (row.StartYear <= year && row.EndYear >= year));

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

    private static CatalogueFacets Facets(
        ProjectFilter filter, List<AreaRow> areas, List<ProjectRow> rows, Dictionary<string, int> areaIds, string? countryName)
    {
        List<ProjectRow> Without(string facet) => rows.Where(r => Matches(r, filter, areaIds, ignore: facet)).ToList();

        var areaCounts = Without("area").CountBy(r => r.AreaId).ToDictionary();
        var areaFacet = areas.Where(a => !a.IsArchived)
            .Select(a => new FacetValue(a.Slug, a.Name, areaCounts.GetValueOrDefault(a.Id), a.Slug == filter.Area))
            .ToList();

        var concentrationCounts = Without("concentration").CountBy(r => r.Concentration).ToDictionary();
        // Without a chosen area, a sub-area name shared by two areas ("Capacity Building") is one choice.
        var concentrations = areas
            .Where(a => filter.Area == null || a.Slug == filter.Area)
            .SelectMany(a => a.Concentrations)
            .DistinctBy(c => c.Slug)
            .Select(c => new FacetValue(c.Slug, c.Name, concentrationCounts.GetValueOrDefault(c.Slug), c.Slug == filter.Concentration))
            .Where(f => f.Count > 0 || f.Selected)
            .ToList();

        var countryFacet = Without("country")
            .SelectMany(r => r.Countries.DistinctBy(c => c.Country))
            .GroupBy(c => c.Country!)
            .Select(g => new FacetValue(g.Key, g.First().CountryName!, g.Count(), g.Key == filter.Country))
            .ToList();
        if (filter.Country is not null && countryFacet.All(c => !c.Selected))
        {
            countryFacet.Add(new FacetValue(filter.Country, CountryName(filter.Country, rows, countryName) ?? filter.Country, 0, true));
        }

        countryFacet.Sort((a, b) => string.CompareOrdinal(a.Label, b.Label));

        var years = Without("year")
            .SelectMany(s => Enumerable.Range(s.StartYear, s.EndYear - s.StartYear + 1))
            .CountBy(y => y)
            .Select(g => new FacetValue(g.Key.ToString(), g.Key.ToString(), g.Value, g.Key == filter.Year))
            .ToList();
        if (filter.Year is { } year && years.All(y => !y.Selected))
        {
            years.Add(new FacetValue(year.ToString(), year.ToString(), 0, true));
        }

        return new CatalogueFacets(areaFacet, concentrations, countryFacet, years.OrderByDescending(y => int.Parse(y.Value)).ToList());
    }
}
