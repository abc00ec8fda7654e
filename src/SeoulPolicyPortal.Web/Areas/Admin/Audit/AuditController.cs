using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Areas.Admin.Audit;

/// <summary>Every content change and every account event, newest first.</summary>
[Route("admin/audit")]
[Authorize(Policy = AdminPolicies.Admin)]
public sealed class AuditController(AdminQueries queries) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) =>
        View(await queries.AuditAsync(Math.Clamp(page, 1, 1000), cancellationToken));
}
