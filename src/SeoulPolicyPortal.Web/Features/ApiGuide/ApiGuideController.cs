using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.ApiGuide;

/// <summary>A request a reader can copy, with what it answers.</summary>
public sealed record ApiExample(string Purpose, string Url, bool Download = false);

public sealed record ApiGuideViewModel(
    IReadOnlyList<ApiExample> Examples, IReadOnlyList<FacetValue> Areas, IReadOnlyList<RegionOption> Regions, string OpenApiUrl,
    string ProjectsUrl, string ConditionalExample);

/// <summary>The human description of the API and downloads: examples built from real slugs, and the OpenAPI link.</summary>
public sealed class ApiGuideController(
    ProjectCatalogue catalogue, CityDirectory directory, PublicAddress address, IStringLocalizer<SharedResource> localizer) : Controller
{
    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("/api")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var projects = await catalogue.QueryAsync(new ProjectFilter(), withFacets: true, cancellationToken);
        var cities = await directory.QueryAsync(new CityFilter(), cancellationToken);
        var facets = projects.Facets;
        // The examples use the values with the most results, so each one answers with something to look at.
        var area = facets.Areas.MaxBy(a => a.Count);
        var country = facets.Countries.MaxBy(c => c.Count);
        var year = facets.Years.MaxBy(y => y.Count);
        var region = cities.Regions.MaxBy(r => r.Cities.Count);

        string Absolute(string action, string controller, Dictionary<string, string?> query) =>
            address.Absolute(Request, Links.WithQuery(Url.PublicAction(action, controller), query));

        var examples = new List<ApiExample>();
        if (area is not null && country is not null)
        {
            examples.Add(new(localizer["Projects in {0} with a partner in {1}, as JSON", area.Label, country.Label],
                Absolute("List", "ProjectsApi", new() { ["area"] = area.Value, ["country"] = country.Value })));
        }

        if (year is not null)
        {
            examples.Add(new(localizer["Projects active in {0}, by title, 50 per page", year.Label],
                Absolute("List", "ProjectsApi", new() { ["year"] = year.Value, ["sort"] = "title", ["pageSize"] = "50" })));
        }

        if (region is not null)
        {
            examples.Add(new(localizer["Sister cities in {0}, as JSON", region.Name],
                Absolute("List", "CitiesApi", new() { ["region"] = region.Slug, ["type"] = "sister" })));
        }

        if (area is not null)
        {
            examples.Add(new(localizer["Every project in {0}, as a CSV file", area.Label],
                Absolute("ProjectsCsv", "Exports", new() { ["area"] = area.Value }), Download: true));
        }

        if (region is not null)
        {
            examples.Add(new(localizer["The partner cities in {0}, as an Excel workbook", region.Name],
                Absolute("CitiesXlsx", "Exports", new() { ["region"] = region.Slug }), Download: true));
        }

        if (country is not null)
        {
            examples.Add(new(localizer["Changes about {0}, as an Atom feed", country.Label],
                Absolute("Feed", "Changes", new() { ["country"] = country.Value })));
        }

        var projectsUrl = Absolute("List", "ProjectsApi", []);
        return View(new ApiGuideViewModel(examples, facets.Areas, cities.RegionOptions, address.Absolute(Request, OpenApiSetup.DocumentPath),
            projectsUrl, $"curl -i -H 'If-None-Match: W/\"…\"' '{projectsUrl}'"));
    }
}
