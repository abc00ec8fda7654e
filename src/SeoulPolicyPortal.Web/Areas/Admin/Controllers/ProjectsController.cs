using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Controllers;

public sealed class PartnerInput
{
    [StringLength(2, MinimumLength = 2, ErrorMessage = "Choose a country from the list.")]
    public string? CountryCode { get; set; }

    [StringLength(200, ErrorMessage = "The city or organisation can be at most 200 characters.")]
    public string? Name { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(CountryCode) && string.IsNullOrWhiteSpace(Name);
}

public sealed class ProjectInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the project’s title.")]
    [StringLength(400, ErrorMessage = "The title can be at most 400 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Choose an area.")]
    public int? AreaId { get; set; }

    [Required(ErrorMessage = "Choose a sub-area.")]
    public int? ConcentrationId { get; set; }

    [Required(ErrorMessage = "Enter the year the project started.")]
    [Range(ProjectFilter.MinYear, ProjectFilter.MaxYear, ErrorMessage = "Enter a year between 1900 and 2100.")]
    public int? StartYear { get; set; }

    [Required(ErrorMessage = "Enter the year the project ended (the start year if it lasted one year).")]
    [Range(ProjectFilter.MinYear, ProjectFilter.MaxYear, ErrorMessage = "Enter a year between 1900 and 2100.")]
    public int? EndYear { get; set; }

    [StringLength(20_000, ErrorMessage = "The description can be at most 20,000 characters.")]
    public string? DescriptionMarkdown { get; set; }

    public List<PartnerInput> Partners { get; set; } = [];

    public static ProjectInput From(Project p) => new()
    {
        Version = p.Version,
        Title = p.Title,
        AreaId = p.AreaId,
        ConcentrationId = p.ConcentrationId,
        StartYear = p.StartYear,
        EndYear = p.EndYear,
        DescriptionMarkdown = p.DescriptionMarkdown,
        Partners = p.Partners.OrderBy(pp => pp.Position).Select(pp => new PartnerInput { CountryCode = pp.CountryCode, Name = pp.Name }).ToList(),
    };

    public ProjectSnapshot ToSnapshot(bool isArchived) => new(
        Title!.Trim(), AreaId ?? 0, ConcentrationId ?? 0, StartYear ?? 0, EndYear ?? 0,
        string.IsNullOrWhiteSpace(DescriptionMarkdown) ? null : DescriptionMarkdown.Replace("\r\n", "\n"),
        Partners.Where(p => !p.IsBlank)
            .Select(p => new PartnerSnapshot(string.IsNullOrWhiteSpace(p.CountryCode) ? null : p.CountryCode.Trim().ToUpperInvariant(),
                string.IsNullOrWhiteSpace(p.Name) ? null : p.Name.Trim()))
            .ToList(),
        isArchived);
}

[Route("admin/projects")]
public sealed class ProjectsController(PortalDbContext db, ProjectCatalogue catalogue, AdminQueries queries, ContentEditor editor) : AdminController
{
    private static ContentKind Kind => ContentKind.Project;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ProjectQueryString query, string? status, CancellationToken cancellationToken)
    {
        var (filter, problems) = ProjectFilter.Parse(query);
        var archived = status == "archived";
        var page = await catalogue.QueryAsync(filter, withFacets: true, cancellationToken,
            archived ? ProjectStatus.Archived : ProjectStatus.Active);
        return View(new AdminProjectList(page with { Problems = [.. problems, .. page.Problems] }, archived));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await PageAsync(new EditorState(Kind, null, "", false), new ProjectInput { Partners = [new()] }, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] ProjectInput input, string? command, CancellationToken cancellationToken)
    {
        var state = new EditorState(Kind, null, input.Title ?? "", false);
        if (await ReRenderAsync(state, input, command, cancellationToken) is { } page)
        {
            return View("Edit", page);
        }

        if (!await ValidateAsync(input, cancellationToken))
        {
            return View("Edit", await PageAsync(state, input, cancellationToken));
        }

        var project = new Project { Title = "" };
        ContentKind.Project.Apply(project, input.ToSnapshot(isArchived: false));
        db.Projects.Add(project);
        await editor.SaveAsync(Kind, project, RevisionActions.Created, null, null, CurrentUser, cancellationToken);
        TempData["Status"] = "The project was created.";
        return RedirectToAction(nameof(Edit), new { id = project.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Partners).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var input = ProjectInput.From(project);
        if (input.Partners.Count == 0)
        {
            input.Partners.Add(new PartnerInput());
        }

        return View(await PageAsync(EditorState.For(Kind, project, project.Title), input, cancellationToken));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = InputPrefix)] ProjectInput input, string? command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.Include(p => p.Partners).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var state = EditorState.For(Kind, project, project.Title);
        if (await ReRenderAsync(state, input, command, cancellationToken) is { } page)
        {
            return View(page);
        }

        if (!await ValidateAsync(input, cancellationToken))
        {
            return View(await PageAsync(state, input, cancellationToken));
        }

        var before = Kind.SnapshotJson(project);
        ContentKind.Project.Apply(project, input.ToSnapshot(project.IsArchived));
        try
        {
            await editor.SaveAsync(Kind, project, RevisionActions.Edited, before, input.Version, CurrentUser, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(id, input, cancellationToken);
        }

        TempData["Status"] = "Saved. Readers see the change now.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    // Someone saved since this form was loaded: show both versions and let the editor choose; nothing is overwritten.
    private async Task<IActionResult> ConflictAsync(int id, ProjectInput input, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.Projects.AsNoTracking().Include(p => p.Partners).SingleAsync(p => p.Id == id, cancellationToken);
        var conflict = await ConflictWithAsync(Kind, current, input.ToSnapshot(current.IsArchived), cancellationToken);
        input.Version = current.Version;
        return View("Edit", await PageAsync(EditorState.For(Kind, current, current.Title) with { Conflict = conflict }, input, cancellationToken));
    }

    /// <summary>Preview and partner rows are handled on the server so the form works without JavaScript.</summary>
    private async Task<EditPage<ProjectInput>?> ReRenderAsync(EditorState state, ProjectInput input, string? command, CancellationToken cancellationToken)
    {
        command ??= EditCommands.Save;
        if (command == EditCommands.Save)
        {
            return null;
        }

        ModelState.Clear();
        if (command == EditCommands.AddPartner)
        {
            input.Partners.Add(new PartnerInput());
        }
        else if (command.StartsWith(EditCommands.RemovePartnerPrefix, StringComparison.Ordinal)
                 && int.TryParse(command[EditCommands.RemovePartnerPrefix.Length..], out var index) && index >= 0 && index < input.Partners.Count)
        {
            input.Partners.RemoveAt(index);
        }

        var preview = command == EditCommands.Preview ? RenderMarkdown(input.DescriptionMarkdown, nameof(input.DescriptionMarkdown)) : null;
        return await PageAsync(state with { PreviewHtml = preview }, input, cancellationToken);
    }

    // Checks across fields and against the database, done here rather than in IValidatableObject because MVC skips
    // that when any single field is invalid, and an editor should see every problem at once.
    private async Task<bool> ValidateAsync(ProjectInput input, CancellationToken cancellationToken)
    {
        if (input.StartYear is { } start && input.EndYear is { } end && end < start)
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.EndYear)}", T["The end year cannot be before the start year."]);
        }

        RenderMarkdown(input.DescriptionMarkdown, nameof(input.DescriptionMarkdown));
        if (input.Partners.Count > 50)
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.Partners)}", T["A project can have at most 50 partners."]);
        }

        if (input.AreaId is { } areaId && !await db.Areas.AnyAsync(a => a.Id == areaId, cancellationToken))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.AreaId)}", T["Choose an area from the list."]);
        }

        if (input.ConcentrationId is { } concentrationId
            && !await db.Concentrations.AnyAsync(c => c.Id == concentrationId && c.AreaId == input.AreaId, cancellationToken))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.ConcentrationId)}", T["Choose a sub-area of the chosen area."]);
        }

        var codes = input.Partners.Select(p => p.CountryCode?.Trim().ToUpperInvariant()).OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
        var known = await db.Countries.Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < input.Partners.Count; i++)
        {
            var code = input.Partners[i].CountryCode?.Trim().ToUpperInvariant();
            if (!string.IsNullOrEmpty(code) && !known.Contains(code))
            {
                ModelState.AddModelError($"{InputPrefix}.Partners[{i}].CountryCode", T["Choose a country from the list."]);
            }
        }

        return ModelState.IsValid;
    }

    private async Task<EditPage<ProjectInput>> PageAsync(EditorState state, ProjectInput input, CancellationToken cancellationToken) =>
        new(state, input, await queries.LookupsAsync(cancellationToken));
}

public sealed record AdminProjectList(CataloguePage Page, bool Archived);
