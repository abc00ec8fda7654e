using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Cities;

[Route("cities")]
public sealed class CitiesController(CityDirectory directory) : Controller
{
    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CityQueryString query, CancellationToken cancellationToken)
    {
        var (filter, problems) = CityFilter.Parse(query);
        var page = await directory.QueryAsync(filter, cancellationToken);
        return View(page with { Problems = [.. problems, .. page.Problems] });
    }
}

public sealed record CityApiItem(int Id, string Name, string Country, string CountryName, string Region, string Type, int? Since);

public sealed record CityListResponse(int Total, IReadOnlyList<CityApiItem> Items);

[ApiController]
[ContentValidators]
[Route("api/cities")]
public sealed class CitiesApiController(CityDirectory directory) : ControllerBase
{
    [EndpointSummary("Every partner city that matches the filters, by region, sister cities first.")]
    [HttpGet("")]
    [ProducesResponseType<CityListResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<CityListResponse>> List([FromQuery] CityQueryString query, CancellationToken cancellationToken)
    {
        var (filter, problems) = CityFilter.Parse(query);
        if (problems.Count > 0)
        {
            return this.BadQuery(problems);
        }

        var page = await directory.QueryAsync(filter, cancellationToken);
        if (page.Problems.Count > 0)
        {
            return this.BadQuery(page.Problems);
        }

        var items = page.Regions.SelectMany(r => r.Cities)
            .Select(c => new CityApiItem(c.Id, c.Name, c.Country, c.CountryName, c.Region,
                c.Type == CityRelationship.Sister ? "sister" : "friendship", c.Since))
            .ToList();
        return new CityListResponse(items.Count, items);
    }
}
