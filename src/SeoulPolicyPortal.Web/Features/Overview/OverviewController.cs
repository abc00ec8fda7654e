using SeoulPolicyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Projects;

namespace SeoulPolicyPortal.Web.Features.Overview;

public sealed class OverviewController(
    PortalDbContext db, PublishedContentCache cache, ProjectCatalogue catalogue, CityDirectory directory, ContentTranslations translations) : Controller
{
    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var overview = await cache.GetOrLoadAsync(db, "overview", ct => OverviewQuery.LoadAsync(db, ct), cancellationToken);
        var names = await translations.CurrentAsync(cancellationToken);
        overview = overview.Translate(names);
        // The map and charts ask the catalogue and the directory themselves, so they show what those pages show.
        var projects = await catalogue.QueryAsync(new ProjectFilter(PageSize: 1), withFacets: true, cancellationToken);
        var cities = await directory.QueryAsync(new CityFilter(), cancellationToken);
        return View(new OverviewPage(overview, projects.Facets.Summary, cities));
    }
}
