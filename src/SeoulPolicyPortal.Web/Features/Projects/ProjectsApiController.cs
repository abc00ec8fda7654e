using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Projects;

public sealed record ProjectListResponse(int Total, int Page, int PageSize, IReadOnlyList<ProjectListItem> Items);

[ApiController]
[Route("api/projects")]
public sealed class ProjectsApiController(ProjectCatalogue catalogue) : ControllerBase
{
    [HttpGet("")]
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
