using SeoulPolicyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Overview;
using SeoulPolicyPortal.Web.Features.Projects;

namespace SeoulPolicyPortal.Web.Features.About;

/// <summary>A sub-area whose listed projects differ from the count the source declares for it.</summary>
public sealed record SubAreaMismatch(string Area, string SubArea, int Listed, int Declared);

/// <summary>
/// What the portal's source says and lost, and what was repaired in transcription. The numbers come from the same
/// queries as the public pages, so an editor's change shows here too.
/// </summary>
public sealed record AboutDataPage(
    OverviewViewModel Overview, CityDirectoryPage Cities, CatalogueSummary Projects, IReadOnlyList<SubAreaMismatch> SubAreaMismatches);

[Route("about-data")]
public sealed class AboutController(PortalDbContext db, PublishedContentCache cache, ProjectCatalogue catalogue, CityDirectory directory) : Controller
{
    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var overview = await cache.GetOrLoadAsync(db, "overview", ct => OverviewQuery.LoadAsync(db, ct), cancellationToken);
        var cities = await directory.QueryAsync(new CityFilter(), cancellationToken);
        var projects = (await catalogue.QueryAsync(new ProjectFilter(PageSize: 1), withFacets: true, cancellationToken)).Facets.Summary;
        var mismatches = new List<SubAreaMismatch>();
        foreach (var area in projects.Areas)
        {
            var subAreas = (await catalogue.QueryAsync(new ProjectFilter(Area: area.Value, PageSize: 1), withFacets: true, cancellationToken))
                .Facets.Summary.Concentrations;
            mismatches.AddRange(subAreas.Where(s => s.Declared is { } declared && declared != s.Count)
                .Select(s => new SubAreaMismatch(area.Label, s.Label, s.Count, s.Declared!.Value)));
        }

        return View(new AboutDataPage(overview, cities, projects, mismatches));
    }
}
