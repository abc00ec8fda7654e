using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Controllers;

public sealed class AreaInput
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

public sealed class ConcentrationInput
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

/// <summary>Areas and their sub-areas (concentrations): one page lists both, each has its own form.</summary>
public sealed class AreasController(PortalDbContext db, AdminQueries queries, ContentEditor editor) : AdminController
{
    [HttpGet("admin/areas")]
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

    [HttpGet("admin/areas/new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await AreaPageAsync(new EditorState(ContentKind.Area, null, "", false), new AreaInput(), cancellationToken));

    [HttpPost("admin/areas/new")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] AreaInput input, CancellationToken cancellationToken)
    {
        if (!await ValidateAsync(input, null, cancellationToken))
        {
            return View("Edit", await AreaPageAsync(new EditorState(ContentKind.Area, null, input.Name ?? "", false), input, cancellationToken));
        }

        var area = new Area { Name = "", Slug = "" };
        ContentKind.Area.Apply(area, input.ToSnapshot(isArchived: false));
        db.Areas.Add(area);
        await editor.SaveAsync(ContentKind.Area, area, RevisionActions.Created, null, null, CurrentUser, cancellationToken);
        TempData["Status"] = "The area was created.";
        return RedirectToAction(nameof(Edit), new { id = area.Id });
    }

    [HttpGet("admin/areas/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var area = await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return area is null
            ? NotFound()
            : View(await AreaPageAsync(EditorState.For(ContentKind.Area, area, area.Name), AreaInput.From(area), cancellationToken));
    }

    [HttpPost("admin/areas/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = InputPrefix)] AreaInput input, CancellationToken cancellationToken)
    {
        var area = await db.Areas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        if (!await ValidateAsync(input, id, cancellationToken))
        {
            return View(await AreaPageAsync(EditorState.For(ContentKind.Area, area, area.Name), input, cancellationToken));
        }

        var before = ContentKind.Area.SnapshotJson(area);
        ContentKind.Area.Apply(area, input.ToSnapshot(area.IsArchived));
        try
        {
            await editor.SaveAsync(ContentKind.Area, area, RevisionActions.Edited, before, input.Version, CurrentUser, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
            var conflict = await ConflictWithAsync(ContentKind.Area, current, input.ToSnapshot(current.IsArchived), cancellationToken);
            input.Version = current.Version;
            return View(await AreaPageAsync(EditorState.For(ContentKind.Area, current, current.Name) with { Conflict = conflict }, input, cancellationToken));
        }

        TempData["Status"] = "Saved. Readers see the change now.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet("admin/concentrations/new")]
    public async Task<IActionResult> CreateConcentration(int? areaId, CancellationToken cancellationToken) =>
        View("EditConcentration", await ConcentrationPageAsync(
            new EditorState(ContentKind.Concentration, null, "", false), new ConcentrationInput { AreaId = areaId }, cancellationToken));

    [HttpPost("admin/concentrations/new")]
    public async Task<IActionResult> CreateConcentration([Bind(Prefix = InputPrefix)] ConcentrationInput input, CancellationToken cancellationToken)
    {
        if (!await ValidateAsync(input, null, cancellationToken))
        {
            return View("EditConcentration", await ConcentrationPageAsync(
                new EditorState(ContentKind.Concentration, null, input.Name ?? "", false), input, cancellationToken));
        }

        var concentration = new Concentration { Name = "", Slug = "" };
        ContentKind.Concentration.Apply(concentration, input.ToSnapshot(isArchived: false));
        db.Concentrations.Add(concentration);
        await editor.SaveAsync(ContentKind.Concentration, concentration, RevisionActions.Created, null, null, CurrentUser, cancellationToken);
        TempData["Status"] = "The sub-area was created.";
        return RedirectToAction(nameof(EditConcentration), new { id = concentration.Id });
    }

    [HttpGet("admin/concentrations/{id:int}/edit")]
    public async Task<IActionResult> EditConcentration(int id, CancellationToken cancellationToken)
    {
        var concentration = await db.Concentrations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return concentration is null
            ? NotFound()
            : View(await ConcentrationPageAsync(
                EditorState.For(ContentKind.Concentration, concentration, concentration.Name), ConcentrationInput.From(concentration), cancellationToken));
    }

    [HttpPost("admin/concentrations/{id:int}/edit")]
    public async Task<IActionResult> EditConcentration(int id, [Bind(Prefix = InputPrefix)] ConcentrationInput input, CancellationToken cancellationToken)
    {
        var concentration = await db.Concentrations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (concentration is null)
        {
            return NotFound();
        }

        if (!await ValidateAsync(input, id, cancellationToken))
        {
            return View(await ConcentrationPageAsync(
                EditorState.For(ContentKind.Concentration, concentration, concentration.Name), input, cancellationToken));
        }

        var before = ContentKind.Concentration.SnapshotJson(concentration);
        ContentKind.Concentration.Apply(concentration, input.ToSnapshot(concentration.IsArchived));
        try
        {
            await editor.SaveAsync(ContentKind.Concentration, concentration, RevisionActions.Edited, before, input.Version, CurrentUser, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Concentrations.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            var conflict = await ConflictWithAsync(ContentKind.Concentration, current, input.ToSnapshot(current.IsArchived), cancellationToken);
            input.Version = current.Version;
            return View(await ConcentrationPageAsync(
                EditorState.For(ContentKind.Concentration, current, current.Name) with { Conflict = conflict }, input, cancellationToken));
        }

        TempData["Status"] = "Saved. Readers see the change now.";
        return RedirectToAction(nameof(EditConcentration), new { id });
    }

    private async Task<bool> ValidateAsync(AreaInput input, int? id, CancellationToken cancellationToken)
    {
        if (input.Slug is { } slug && await db.Areas.AnyAsync(a => a.Slug == slug.Trim() && a.Id != id, cancellationToken))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.Slug)}", T["Another area already uses this slug."]);
        }

        return ModelState.IsValid;
    }

    private async Task<bool> ValidateAsync(ConcentrationInput input, int? id, CancellationToken cancellationToken)
    {
        if (input.AreaId is { } areaId && !await db.Areas.AnyAsync(a => a.Id == areaId, cancellationToken))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.AreaId)}", T["Choose an area from the list."]);
        }
        else if (input.Slug is { } slug
                 && await db.Concentrations.AnyAsync(c => c.AreaId == input.AreaId && c.Slug == slug.Trim() && c.Id != id, cancellationToken))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.Slug)}", T["Another sub-area of this area already uses this slug."]);
        }

        return ModelState.IsValid;
    }

    private async Task<EditPage<AreaInput>> AreaPageAsync(EditorState state, AreaInput input, CancellationToken cancellationToken) =>
        new(state, input, await queries.LookupsAsync(cancellationToken));

    private async Task<EditPage<ConcentrationInput>> ConcentrationPageAsync(EditorState state, ConcentrationInput input, CancellationToken cancellationToken) =>
        new(state, input, await queries.LookupsAsync(cancellationToken));
}
