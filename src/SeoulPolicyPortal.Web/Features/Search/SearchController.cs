using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Features.Search;

public sealed class SearchController(SiteSearch search) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? q, CancellationToken cancellationToken) =>
        View(await search.QueryAsync(q, cancellationToken));
}
