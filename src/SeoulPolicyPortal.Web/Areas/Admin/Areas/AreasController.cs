using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Areas;

public sealed class AreaInput : IEditInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the area’s name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter the address name (slug).")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens, like urban-planning.")]
    [StringLength(60, ErrorMessage = "The slug can be at most 60 characters.")]
    public string? Slug { get; set; }

    [Range(0, 1000, ErrorMessage = "Enter a position from 0 to 1,000.")]
    public int Position { get; set; }

    [Range(0, 100_000, ErrorMessage = "Enter a count of 0 or more, or leave it empty.")]
    public int? DeclaredProjectCount { get; set; }

    [StringLength(1000, ErrorMessage = "The note can be at most 1,000 characters.")]
    public string? Note { get; set; }

    public static AreaInput From(Area a) => new()
    {
        Version = a.Version,
        Name = a.Name,
        Slug = a.Slug,
        Position = a.Position,
        DeclaredProjectCount = a.DeclaredProjectCount,
        Note = a.Note,
    };

    public AreaSnapshot ToSnapshot(bool isArchived) =>
        new(Slug!.Trim(), Name!.Trim(), Position, DeclaredProjectCount, isArchived, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
}

public sealed class ConcentrationInput : IEditInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Choose an area.")]
    public int? AreaId { get; set; }

    [Required(ErrorMessage = "Enter the sub-area’s name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter the address name (slug).")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens, like urban-planning.")]
    [StringLength(80, ErrorMessage = "The slug can be at most 80 characters.")]
    public string? Slug { get; set; }

    [Range(0, 1000, ErrorMessage = "Enter a position from 0 to 1,000.")]
    public int Position { get; set; }

    [Range(0, 100_000, ErrorMessage = "Enter a count of 0 or more, or leave it empty.")]
    public int? DeclaredProjectCount { get; set; }

    public static ConcentrationInput From(Concentration c) => new()
    {
        Version = c.Version,
        AreaId = c.AreaId,
        Name = c.Name,
        Slug = c.Slug,
        Position = c.Position,
        DeclaredProjectCount = c.DeclaredProjectCount,
    };

    public ConcentrationSnapshot ToSnapshot(bool isArchived) =>
        new(AreaId ?? 0, Slug!.Trim(), Name!.Trim(), Position, DeclaredProjectCount, isArchived);
}

public sealed record AdminConcentrationItem(int Id, string Name, string Slug, bool IsArchived, int? Declared, int Listed);

public sealed record AdminAreaItem(int Id, string Name, string Slug, bool IsArchived, int? Declared, int Listed, IReadOnlyList<AdminConcentrationItem> Concentrations);

/// <summary>An area's form; its slug is unique.</summary>
public sealed class AreaForm : EditForm<Area, AreaSnapshot, AreaInput>
{
    public static readonly AreaForm Instance = new();

    public override ContentKind<Area, AreaSnapshot> Kind => ContentKind.Area;
    public override string CreatedMessage => "The area was created.";


    public override AreaInput ToInput(Area area) => AreaInput.From(area);

    public override AreaSnapshot ToSnapshot(AreaInput input, bool isArchived) => input.ToSnapshot(isArchived);

    public override string Label(AreaInput input) => input.Name ?? "";

    public override async Task ValidateAsync(EditValidation validation, AreaInput input, int? id, CancellationToken cancellationToken)
    {
        if (input.Slug is { } slug && await validation.Db.Areas.AnyAsync(a => a.Slug == slug.Trim() && a.Id != id, cancellationToken))
        {
            validation.Error(nameof(input.Slug), "Another area already uses this slug.");
        }
    }
}

/// <summary>A sub-area's form; its slug is unique within its area.</summary>
public sealed class ConcentrationForm : EditForm<Concentration, ConcentrationSnapshot, ConcentrationInput>
{
    public static readonly ConcentrationForm Instance = new();

    public override ContentKind<Concentration, ConcentrationSnapshot> Kind => ContentKind.Concentration;
    public override string CreatedMessage => "The sub-area was created.";
    public override string View => "EditConcentration";


    // "New sub-area" beside an area on the list comes with that area chosen.
    public override ConcentrationInput NewInput(IQueryCollection query) =>
        new() { AreaId = int.TryParse(query["areaId"], out var areaId) ? areaId : null };

    public override ConcentrationInput ToInput(Concentration concentration) => ConcentrationInput.From(concentration);

    public override ConcentrationSnapshot ToSnapshot(ConcentrationInput input, bool isArchived) => input.ToSnapshot(isArchived);

    public override string Label(ConcentrationInput input) => input.Name ?? "";

    public override async Task ValidateAsync(EditValidation validation, ConcentrationInput input, int? id, CancellationToken cancellationToken)
    {
        if (input.AreaId is { } areaId && !await validation.Db.Areas.AnyAsync(a => a.Id == areaId, cancellationToken))
        {
            validation.Error(nameof(input.AreaId), "Choose an area from the list.");
        }
        else if (input.Slug is { } slug
                 && await validation.Db.Concentrations.AnyAsync(c => c.AreaId == input.AreaId && c.Slug == slug.Trim() && c.Id != id, cancellationToken))
        {
            validation.Error(nameof(input.Slug), "Another sub-area of this area already uses this slug.");
        }
    }
}

/// <summary>Areas and their sub-areas (concentrations): one page lists both, each has its own form.</summary>
[Route("admin/areas")]
public sealed class AreasController(PortalDbContext db) : EditingController<Area, AreaSnapshot, AreaInput>(AreaForm.Instance)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var projects = db.Projects.Where(p => !p.IsArchived);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position)
            .Select(a => new AdminAreaItem(a.Id, a.Name, a.Slug, a.IsArchived, a.DeclaredProjectCount, projects.Count(p => p.AreaId == a.Id),
                a.Concentrations.OrderBy(c => c.Position)
                    .Select(c => new AdminConcentrationItem(c.Id, c.Name, c.Slug, c.IsArchived, c.DeclaredProjectCount, projects.Count(p => p.ConcentrationId == c.Id)))
                    .ToList()))
            .ToListAsync(cancellationToken);
        return View(areas);
    }
}

[Route("admin/concentrations")]
public sealed class ConcentrationsController() : EditingController<Concentration, ConcentrationSnapshot, ConcentrationInput>(ConcentrationForm.Instance);
