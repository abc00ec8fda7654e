using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Projects;

public sealed record PartnerItem(string? Country, string? CountryName, string? Name);

public sealed record ProjectListItem(
    int Id, string Title, string Area, string AreaName, string Concentration, string ConcentrationName,
    IReadOnlyList<PartnerItem> Partners, int StartYear, int EndYear);

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
public sealed class ProjectCatalogue(PortalDbContext db)
{
    public async Task<CataloguePage> QueryAsync(
        ProjectFilter filter, bool withFacets, CancellationToken cancellationToken, ProjectStatus status = ProjectStatus.Active)
    {
        var problems = new List<FilterProblem>();
        filter = await DropUnknownValuesAsync(filter, problems, cancellationToken);

        var matching = Apply(filter, status);
        var total = await matching.CountAsync(cancellationToken);
        var pageCount = total == 0 ? 1 : (total + filter.PageSize - 1) / filter.PageSize;
        if (filter.Page > pageCount)
        {
            problems.Add(new FilterProblem("page", "Page {0} is past the last page of results; the last page is shown.", filter.Page.ToString()));
            filter = filter with { Page = pageCount };
        }

        var items = await Sort(matching, filter.Sort)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(p => new ProjectListItem(
                p.Id, p.Title, p.Area!.Slug, p.Area.Name, p.Concentration!.Slug, p.Concentration.Name,
                p.Partners.OrderBy(pp => pp.Position)
                    .Select(pp => new PartnerItem(pp.CountryCode, pp.Country == null ? null : pp.Country.Name, pp.Name)).ToList(),
                p.StartYear, p.EndYear))
            .ToListAsync(cancellationToken);

        var facets = withFacets ? await FacetsAsync(filter, status, cancellationToken) : CatalogueFacets.None;
        return new CataloguePage(filter, total, items, facets, problems);
    }

    private async Task<ProjectFilter> DropUnknownValuesAsync(ProjectFilter filter, List<FilterProblem> problems, CancellationToken cancellationToken)
    {
        if (filter.Area is not null && !await db.Areas.AnyAsync(a => a.Slug == filter.Area && !a.IsArchived, cancellationToken))
        {
            problems.Add(new FilterProblem("area", "There is no area “{0}”; projects in all areas are shown.", filter.Area));
            filter = filter with { Area = null };
        }

        if (filter.Concentration is not null
            && !await db.Concentrations.AnyAsync(
                c => c.Slug == filter.Concentration && !c.IsArchived && (filter.Area == null || c.Area!.Slug == filter.Area), cancellationToken))
        {
            problems.Add(new FilterProblem("concentration", filter.Area is null
                ? "There is no sub-area “{0}”; projects in all sub-areas are shown."
                : "The chosen area has no sub-area “{0}”; projects in all its sub-areas are shown.", filter.Concentration));
            filter = filter with { Concentration = null };
        }

        if (filter.Country is not null && !await db.Countries.AnyAsync(c => c.Code == filter.Country, cancellationToken))
        {
            problems.Add(new FilterProblem("country", "No partner country has the code “{0}”; projects in all countries are shown.", filter.Country));
            filter = filter with { Country = null };
        }

        return filter;
    }

    private IQueryable<Project> Apply(ProjectFilter filter, ProjectStatus status, string? ignore = null)
    {
        var archived = status == ProjectStatus.Archived;
        var query = db.Projects.AsNoTracking().Where(p => p.IsArchived == archived);
        if (filter.Area is not null && ignore != "area")
        {
            query = query.Where(p => p.Area!.Slug == filter.Area);
        }

        if (filter.Concentration is not null && ignore != "concentration")
        {
            query = query.Where(p => p.Concentration!.Slug == filter.Concentration);
        }

        if (filter.Country is not null && ignore != "country")
        {
            query = query.Where(p => p.Partners.Any(pp => pp.CountryCode == filter.Country));
        }

        if (filter.Year is { } year && ignore != "year")
        {
            query = query.Where(p => p.StartYear <= year && p.EndYear >= year);
        }

        if (filter.Q is not null)
        {
            foreach (var term in SearchText.Normalize(filter.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(10))
            {
                query = query.Where(p => p.SearchText.Contains(term));
            }
        }

        return query;
    }

    private static IQueryable<Project> Sort(IQueryable<Project> query, ProjectSort sort) => sort switch
    {
        ProjectSort.Oldest => query.OrderBy(p => p.StartYear).ThenBy(p => p.EndYear).ThenBy(p => p.Id),
        ProjectSort.Title => query.OrderBy(p => p.Title.ToLower()).ThenBy(p => p.Id),
        _ => query.OrderByDescending(p => p.StartYear).ThenByDescending(p => p.EndYear).ThenByDescending(p => p.Id),
    };

    private async Task<CatalogueFacets> FacetsAsync(ProjectFilter filter, ProjectStatus status, CancellationToken cancellationToken)
    {
        var areaCounts = await Apply(filter, status, ignore: "area")
            .GroupBy(p => p.AreaId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var areas = (await db.Areas.AsNoTracking().Where(a => !a.IsArchived).OrderBy(a => a.Position)
                .Select(a => new { a.Id, a.Slug, a.Name }).ToListAsync(cancellationToken))
            .Select(a => new FacetValue(a.Slug, a.Name, areaCounts.GetValueOrDefault(a.Id), a.Slug == filter.Area))
            .ToList();

        var concentrationCounts = await Apply(filter, status, ignore: "concentration")
            .GroupBy(p => p.Concentration!.Slug).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        // Without a chosen area, a sub-area name shared by two areas ("Capacity Building") is one choice.
        var concentrations = (await db.Concentrations.AsNoTracking()
                .Where(c => !c.IsArchived && (filter.Area == null || c.Area!.Slug == filter.Area))
                .OrderBy(c => c.Area!.Position).ThenBy(c => c.Position)
                .Select(c => new { c.Slug, c.Name }).ToListAsync(cancellationToken))
            .DistinctBy(c => c.Slug)
            .Select(c => new FacetValue(c.Slug, c.Name, concentrationCounts.GetValueOrDefault(c.Slug), c.Slug == filter.Concentration))
            .Where(f => f.Count > 0 || f.Selected)
            .ToList();

        var projectsForCountries = Apply(filter, status, ignore: "country");
        var countries = await db.ProjectPartners.AsNoTracking()
            .Where(pp => pp.CountryCode != null && projectsForCountries.Any(p => p.Id == pp.ProjectId))
            .GroupBy(pp => new { pp.CountryCode, pp.Country!.Name })
            .Select(g => new { g.Key.CountryCode, g.Key.Name, Count = g.Select(pp => pp.ProjectId).Distinct().Count() })
            .OrderBy(x => x.Name)
            .ToListAsync(cancellationToken);
        var countryFacet = countries.Select(c => new FacetValue(c.CountryCode!, c.Name, c.Count, c.CountryCode == filter.Country)).ToList();
        if (filter.Country is not null && countryFacet.All(c => !c.Selected))
        {
            var name = await db.Countries.Where(c => c.Code == filter.Country).Select(c => c.Name).SingleAsync(cancellationToken);
            countryFacet.Add(new FacetValue(filter.Country, name, 0, true));
            countryFacet.Sort((a, b) => string.Compare(a.Label, b.Label, StringComparison.CurrentCulture));
        }

        var spans = await Apply(filter, status, ignore: "year").Select(p => new { p.StartYear, p.EndYear }).ToListAsync(cancellationToken);
        var years = spans.SelectMany(s => Enumerable.Range(s.StartYear, s.EndYear - s.StartYear + 1))
            .GroupBy(y => y)
            .Select(g => new FacetValue(g.Key.ToString(), g.Key.ToString(), g.Count(), g.Key == filter.Year))
            .ToList();
        if (filter.Year is { } year && years.All(y => !y.Selected))
        {
            years.Add(new FacetValue(year.ToString(), year.ToString(), 0, true));
        }

        return new CatalogueFacets(areas, concentrations, countryFacet, years.OrderByDescending(y => int.Parse(y.Value)).ToList());
    }
}
