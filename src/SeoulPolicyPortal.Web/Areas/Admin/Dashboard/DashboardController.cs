using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Areas.Admin.Dashboard;

[Route("admin")]
public sealed class DashboardController(AdminQueries queries) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await queries.DashboardAsync(cancellationToken));
}
