using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Projects;

[Route("projects")]
public sealed class ProjectsController(ProjectCatalogue catalogue, PortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ProjectQueryString query, CancellationToken cancellationToken)
    {
        var (filter, problems) = ProjectFilter.Parse(query);
        var page = await catalogue.QueryAsync(filter, withFacets: true, cancellationToken);
        return View(page with { Problems = [.. problems, .. page.Problems] });
    }

    [HttpGet("{id:int}/{slug?}")]
    public async Task<IActionResult> Details(int id, string? slug, CancellationToken cancellationToken)
    {
        var project = await ProjectDetails.FindAsync(db, id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        // A title may give no slug at all ("!!!"); its address is then /projects/{id}, which must not redirect to itself.
        var canonicalSlug = Slug.From(project.Title);
        if ((slug ?? "") != canonicalSlug)
        {
            return RedirectToActionPermanent(nameof(Details), new { id, slug = canonicalSlug.Length == 0 ? null : canonicalSlug });
        }

        var related = await catalogue.QueryAsync(
            new ProjectFilter(Area: project.Area, Concentration: project.Concentration, PageSize: 6), withFacets: false, cancellationToken);
        return View(new ProjectPageViewModel(project,
            related with { Items = related.Items.Where(p => p.Id != id).Take(5).ToList() }));
    }
}
