using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode);

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    // Re-executed by the status-code and exception middleware, for every method, so no antiforgery check here.
    [Route("/error/{statusCode:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int statusCode)
    {
        if (statusCode is < 400 or > 599)
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

        return View("Error", new ErrorViewModel(statusCode));
    }
}
