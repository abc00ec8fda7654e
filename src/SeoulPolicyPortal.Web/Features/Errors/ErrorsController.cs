using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Errors;

/// <param name="NeedsHttps">The admin area was asked for over plain http outside Development (see Hardening).</param>
public sealed record ErrorViewModel(int StatusCode, bool NeedsHttps = false);

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    // Re-executed by the status-code and exception middleware, for every method, so no antiforgery check here. The
    // code is read from the route, not bound: binding would read the original request's form, which may be the very
    // thing that could not be read.
    [Route("/error/{statusCode:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show()
    {
        if (!int.TryParse(RouteData.Values["statusCode"] as string, out var statusCode) || statusCode is < 400 or > 599)
        {
            statusCode = 404;
        }

        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? Request.Path.Value;
        Response.StatusCode = statusCode;
        if (originalPath?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Problem(statusCode: statusCode, title: statusCode == 404 ? "Not found." : null);
        }

        return View("Error", new ErrorViewModel(statusCode, statusCode == 403 && Hardening.IsAdminOverPlainHttp(HttpContext, originalPath)));
    }
}
