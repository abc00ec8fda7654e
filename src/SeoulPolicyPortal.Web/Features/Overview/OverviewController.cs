using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Features.Overview;

public sealed class OverviewController(PortalDbContext db, PublishedContentCache cache) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await cache.GetOrLoadAsync(db, "overview", ct => OverviewQuery.LoadAsync(db, ct), cancellationToken));
}
