using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Features.Shared;

public static class ProblemResponses
{
    /// <summary>An RFC 7807 400 listing every query-string value that was not understood.</summary>
    public static ActionResult BadQuery(this ControllerBase controller, IEnumerable<FilterProblem> problems)
    {
        var errors = problems.GroupBy(p => p.Parameter).ToDictionary(g => g.Key, g => g.Select(p => p.Describe()).ToArray());
        var details = new ValidationProblemDetails(errors)
        {
            Title = "The query string was not understood.",
            Status = StatusCodes.Status400BadRequest,
        };
        return controller.BadRequest(details);
    }
}
