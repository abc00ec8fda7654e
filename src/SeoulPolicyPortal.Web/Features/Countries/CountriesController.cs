using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Countries;

public sealed record CountrySummary(string Code, string Name, int CityCount, int ProjectCount);

public sealed record CountryIndexViewModel(IReadOnlyList<CountrySummary> Countries);

public sealed record CountryPageViewModel(string Code, string Name, CityDirectoryPage Cities, CataloguePage Projects);

[Route("countries")]
public sealed class CountriesController(PortalDbContext db, CityDirectory directory, ProjectCatalogue catalogue) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new CountryIndexViewModel(await CountryList.QueryAsync(db, cancellationToken)));

    [HttpGet("{code}")]
    public async Task<IActionResult> Details(string code, CancellationToken cancellationToken)
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
        return View(new CountryPageViewModel(upper, name, cities, projects));
    }
}
