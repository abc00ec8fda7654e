using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Projects;

[Route("projects")]
public sealed class ProjectsController(ProjectCatalogue catalogue, CityDirectory directory, PortalDbContext db, ContentTranslations translations) : Controller
{
    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ProjectQueryString query, CancellationToken cancellationToken)
    {
        var (filter, problems) = ProjectFilter.Parse(query);
        var page = await catalogue.QueryAsync(filter, withFacets: true, cancellationToken);
        return View(page with { Problems = [.. problems, .. page.Problems] });
    }

    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("{id:int}/{slug?}")]
    public async Task<IActionResult> Details(int id, string? slug, CancellationToken cancellationToken)
    {
        var project = await ProjectDetails.FindAsync(db, id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        // A title may give no slug at all ("!!!"); its address is then /projects/{id}, which must not redirect to itself.
        var canonicalSlug = Slug.From(project.Title);
        if ((slug ?? "") != canonicalSlug)
        {
            return RedirectToActionPermanent(nameof(Details), new { id, slug = canonicalSlug.Length == 0 ? null : canonicalSlug });
        }

        project = project.Translate(await translations.CurrentAsync(cancellationToken));

        // Everything around the project is asked of the catalogue and the directory, as their own pages ask it.
        var related = await catalogue.QueryAsync(
            new ProjectFilter(Area: project.Area, Concentration: project.Concentration, PageSize: 6), withFacets: false, cancellationToken);
        var area = (await catalogue.QueryAsync(new ProjectFilter(Area: project.Area, PageSize: 1), withFacets: true, cancellationToken)).Facets.Summary;
        var sameCountry = new List<SameCountryProjects>();
        foreach (var country in project.Countries)
        {
            var page = await catalogue.QueryAsync(new ProjectFilter(Country: country.Country, PageSize: 6), withFacets: false, cancellationToken);
            sameCountry.Add(new SameCountryProjects(country.Country!, country.CountryName!, page.Total - 1,
                page.Items.Where(p => p.Id != id).Take(5).ToList()));
        }

        var world = (await catalogue.QueryAsync(new ProjectFilter(PageSize: 1), withFacets: true, cancellationToken)).Facets.Summary;
        var cities = (await directory.QueryAsync(new CityFilter(), cancellationToken)).Cities.ToList();
        // A partner is a sister or friendship city when the directory has a city of the same name in the same country.
        var partnerCities = project.Partners
            .Where(p => p.Name is not null && p.Country is not null)
            .SelectMany(p => cities.Where(c => c.Country == p.Country && SearchText.Normalize(c.EnglishName) == SearchText.Normalize(p.Name))
                .Select(c => new PartnerCity(p.Name!, c)))
            .ToList();
        return View(new ProjectPageViewModel(project, related with { Items = related.Items.Where(p => p.Id != id).Take(5).ToList() },
            area.Areas.Single(a => a.Value == project.Area), area.Concentrations.SingleOrDefault(c => c.Value == project.Concentration),
            sameCountry, partnerCities, world, cities));
    }
}
