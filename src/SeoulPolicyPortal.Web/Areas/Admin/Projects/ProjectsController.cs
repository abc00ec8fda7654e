using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Projects;

public sealed class PartnerInput
{
    [StringLength(2, MinimumLength = 2, ErrorMessage = "Choose a country from the list.")]
    public string? CountryCode { get; set; }

    [StringLength(200, ErrorMessage = "The city or organisation can be at most 200 characters.")]
    public string? Name { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(CountryCode) && string.IsNullOrWhiteSpace(Name);
}

public sealed class ProjectInput : IEditInput
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

/// <summary>The project form: a title, an area and sub-area, years, a Markdown description and rows of partners.</summary>
public sealed class ProjectForm : EditForm<Project, ProjectSnapshot, ProjectInput>
{
    public static readonly ProjectForm Instance = new();

    public override ContentKind<Project, ProjectSnapshot> Kind => ContentKind.Project;
    public override string CreatedMessage => "The project was created.";
    public override string? MarkdownField => nameof(ProjectInput.DescriptionMarkdown);


    public override ProjectInput NewInput(IQueryCollection query) => new() { Partners = [new()] };

    public override ProjectInput ToInput(Project project)
    {
        var input = ProjectInput.From(project);
        if (input.Partners.Count == 0)
        {
            input.Partners.Add(new PartnerInput());
        }

        return input;
    }

    public override ProjectSnapshot ToSnapshot(ProjectInput input, bool isArchived) => input.ToSnapshot(isArchived);

    public override string Label(ProjectInput input) => input.Title ?? "";

    public override string? Markdown(ProjectInput input) => input.DescriptionMarkdown;

    public override void Command(ProjectInput input, string command)
    {
        if (command == EditCommands.AddPartner)
        {
            input.Partners.Add(new PartnerInput());
        }
        else if (command.StartsWith(EditCommands.RemovePartnerPrefix, StringComparison.Ordinal)
                 && int.TryParse(command[EditCommands.RemovePartnerPrefix.Length..], out var index) && index >= 0 && index < input.Partners.Count)
        {
            input.Partners.RemoveAt(index);
        }
    }

    public override async Task ValidateAsync(EditValidation validation, ProjectInput input, int? id, CancellationToken cancellationToken)
    {
        var db = validation.Db;
        if (input.StartYear is { } start && input.EndYear is { } end && end < start)
        {
            validation.Error(nameof(input.EndYear), "The end year cannot be before the start year.");
        }

        validation.Markdown(input.DescriptionMarkdown, nameof(input.DescriptionMarkdown));
        if (input.Partners.Count > 50)
        {
            validation.Error(nameof(input.Partners), "A project can have at most 50 partners.");
        }

        if (input.AreaId is { } areaId && !await db.Areas.AnyAsync(a => a.Id == areaId, cancellationToken))
        {
            validation.Error(nameof(input.AreaId), "Choose an area from the list.");
        }

        if (input.ConcentrationId is { } concentrationId
            && !await db.Concentrations.AnyAsync(c => c.Id == concentrationId && c.AreaId == input.AreaId, cancellationToken))
        {
            validation.Error(nameof(input.ConcentrationId), "Choose a sub-area of the chosen area.");
        }

        var codes = input.Partners.Select(p => p.CountryCode?.Trim().ToUpperInvariant()).OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
        var known = await db.Countries.Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < input.Partners.Count; i++)
        {
            var code = input.Partners[i].CountryCode?.Trim().ToUpperInvariant();
            if (!string.IsNullOrEmpty(code) && !known.Contains(code))
            {
                validation.Error($"Partners[{i}].CountryCode", "Choose a country from the list.");
            }
        }
    }
}

[Route("admin/projects")]
public sealed class ProjectsController(ProjectCatalogue catalogue) : EditingController<Project, ProjectSnapshot, ProjectInput>(ProjectForm.Instance)
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ProjectQueryString query, string? status, CancellationToken cancellationToken)
    {
        var (filter, problems) = ProjectFilter.Parse(query);
        var archived = status == "archived";
        var page = await catalogue.QueryAsync(filter, withFacets: true, cancellationToken,
            archived ? ProjectStatus.Archived : ProjectStatus.Active);
        return View(new AdminProjectList(page with { Problems = [.. problems, .. page.Problems] }, archived));
    }
}

public sealed record AdminProjectList(CataloguePage Page, bool Archived);
