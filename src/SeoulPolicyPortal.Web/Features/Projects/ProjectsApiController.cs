using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Projects;

public sealed record ProjectListResponse(int Total, int Page, int PageSize, IReadOnlyList<ProjectListItem> Items);

[ApiController]
[ContentValidators]
[Route("api/projects")]
public sealed class ProjectsApiController(ProjectCatalogue catalogue) : ControllerBase
{
    [EndpointSummary("One page of the projects that match the filters, in the chosen order.")]
    [HttpGet("")]
    [ProducesResponseType<ProjectListResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<ProjectListResponse>> List([FromQuery] ProjectQueryString query, CancellationToken cancellationToken)
    {
        var (filter, problems) = ProjectFilter.Parse(query);
        if (problems.Count > 0)
        {
            return this.BadQuery(problems);
        }

        var page = await catalogue.QueryAsync(filter, withFacets: false, cancellationToken);
        if (page.Problems.Count > 0)
        {
            return this.BadQuery(page.Problems);
        }

        return new ProjectListResponse(page.Total, page.Filter.Page, page.Filter.PageSize, page.Items);
    }
}
