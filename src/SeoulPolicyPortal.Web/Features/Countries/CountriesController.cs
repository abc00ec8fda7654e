using SeoulPolicyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Countries;

public sealed record CountrySummary(string Code, string Name, int CityCount, int ProjectCount, string? Region, int RegionPosition)
{
    public string? RegionSlug { get; init; }
}

/// <summary>The countries grouped by the source's regions, in its order; a country without a region comes last.</summary>
public sealed record CountryIndexViewModel(IReadOnlyList<IGrouping<string?, CountrySummary>> Regions);

/// <param name="World">Every project, for the map's shading around the country.</param>
/// <param name="AllCities">Every partner city, for the map's markers and numbers.</param>
public sealed record CountryPageViewModel(
    string Code, string Name, CityDirectoryPage Cities, CataloguePage Projects, CatalogueSummary World, CityDirectoryPage AllCities);

[Route("countries")]
public sealed class CountriesController(PortalDbContext db, CityDirectory directory, ProjectCatalogue catalogue, ContentTranslations translations) : Controller
{
    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new CountryIndexViewModel((await CountryList.QueryAsync(db, cancellationToken, await translations.CurrentAsync(cancellationToken)))
            .GroupBy(c => c.Region).ToList()));

    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("{code}")]
    public async Task<IActionResult> Details(string? code, CancellationToken cancellationToken)
    {
        if (!QueryText.IsCountryCode(code))
        {
            return NotFound();
        }

        var upper = code.ToUpperInvariant();
        if (upper != code)
        {
            return RedirectToActionPermanent(nameof(Details), new { code = upper });
        }

        var name = await db.Countries.Where(c => c.Code == upper).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        var cities = await directory.QueryAsync(new CityFilter(Country: upper), cancellationToken);
        var projects = await catalogue.QueryAsync(
            new ProjectFilter(Country: upper, PageSize: ProjectFilter.MaxPageSize), withFacets: false, cancellationToken);
        var world = await catalogue.QueryAsync(new ProjectFilter(PageSize: 1), withFacets: true, cancellationToken);
        var allCities = await directory.QueryAsync(new CityFilter(), cancellationToken);
        name = (await translations.CurrentAsync(cancellationToken)).Country(upper, name);
        return View(new CountryPageViewModel(upper, name, cities, projects, world.Facets.Summary, allCities));
    }
}
