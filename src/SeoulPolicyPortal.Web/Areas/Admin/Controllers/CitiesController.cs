using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Controllers;

public sealed class CityInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the city’s name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose a country.")]
    public string? CountryCode { get; set; }

    [Required(ErrorMessage = "Choose a region.")]
    public int? RegionId { get; set; }

    [Required(ErrorMessage = "Choose sister or friendship city.")]
    public CityRelationship? Relationship { get; set; }

    [Range(1900, 2100, ErrorMessage = "Enter a year between 1900 and 2100, or leave it empty.")]
    public int? SinceYear { get; set; }

    [StringLength(1000, ErrorMessage = "The note can be at most 1,000 characters.")]
    public string? Note { get; set; }

    [Range(-90.0, 90.0, ErrorMessage = "Enter a latitude from -90 to 90 (degrees north), or leave it empty.")]
    public double? Latitude { get; set; }

    [Range(-180.0, 180.0, ErrorMessage = "Enter a longitude from -180 to 180 (degrees east), or leave it empty.")]
    public double? Longitude { get; set; }

    public static CityInput From(City c) => new()
    {
        Version = c.Version,
        Name = c.Name,
        CountryCode = c.CountryCode,
        RegionId = c.RegionId,
        Relationship = c.Relationship,
        SinceYear = c.SinceYear,
        Note = c.Note,
        Latitude = c.Latitude,
        Longitude = c.Longitude,
    };

    public CitySnapshot ToSnapshot(bool isArchived) => new(
        Name!.Trim(), CountryCode!.Trim().ToUpperInvariant(), RegionId ?? 0, Relationship ?? CityRelationship.Sister, SinceYear,
        string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), isArchived, Latitude, Longitude);
}

public sealed record AdminCityItem(int Id, string Name, string Country, string Region, CityRelationship Relationship, int? SinceYear);

public sealed record AdminCityList(IReadOnlyList<AdminCityItem> Items, string? Q, string? Region, bool Archived, IReadOnlyList<Option> Regions);

[Route("admin/cities")]
public sealed class CitiesController(PortalDbContext db, AdminQueries queries, ContentEditor editor) : AdminController
{
    private static ContentKind Kind => ContentKind.City;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? region, string? status, CancellationToken cancellationToken)
    {
        var archived = status == "archived";
        var query = db.Cities.AsNoTracking().Where(c => c.IsArchived == archived);
        if (!string.IsNullOrWhiteSpace(region))
        {
            query = query.Where(c => c.Region!.Slug == region);
        }

        foreach (var term in SearchText.Terms(q))
        {
            query = query.Where(c => c.SearchText.Contains(term));
        }

        var items = await query.OrderBy(c => c.Region!.Position).ThenBy(c => c.Name)
            .Select(c => new AdminCityItem(c.Id, c.Name, c.Country!.Name, c.Region!.Name, c.Relationship, c.SinceYear))
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Position).Select(r => new Option(r.Slug, r.Name)).ToListAsync(cancellationToken);
        return View(new AdminCityList(items, q, region, archived, regions));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await PageAsync(new EditorState(Kind, null, "", false), new CityInput(), cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] CityInput input, CancellationToken cancellationToken)
    {
        if (!await ValidateAsync(input, cancellationToken))
        {
            return View("Edit", await PageAsync(new EditorState(Kind, null, input.Name ?? "", false), input, cancellationToken));
        }

        var city = new City { Name = "", CountryCode = "" };
        ContentKind.City.Apply(city, input.ToSnapshot(isArchived: false));
        db.Cities.Add(city);
        await editor.SaveAsync(Kind, city, RevisionActions.Created, null, null, CurrentUser, cancellationToken);
        TempData["Status"] = "The partner city was created.";
        return RedirectToAction(nameof(Edit), new { id = city.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var city = await db.Cities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return city is null
            ? NotFound()
            : View(await PageAsync(EditorState.For(Kind, city, city.Name), CityInput.From(city), cancellationToken));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = InputPrefix)] CityInput input, CancellationToken cancellationToken)
    {
        var city = await db.Cities.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (city is null)
        {
            return NotFound();
        }

        if (!await ValidateAsync(input, cancellationToken))
        {
            return View(await PageAsync(EditorState.For(Kind, city, city.Name), input, cancellationToken));
        }

        var before = Kind.SnapshotJson(city);
        ContentKind.City.Apply(city, input.ToSnapshot(city.IsArchived));
        try
        {
            await editor.SaveAsync(Kind, city, RevisionActions.Edited, before, input.Version, CurrentUser, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Cities.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            var conflict = await ConflictWithAsync(Kind, current, input.ToSnapshot(current.IsArchived), cancellationToken);
            input.Version = current.Version;
            return View(await PageAsync(EditorState.For(Kind, current, current.Name) with { Conflict = conflict }, input, cancellationToken));
        }

        TempData["Status"] = "Saved. Readers see the change now.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<bool> ValidateAsync(CityInput input, CancellationToken cancellationToken)
    {
        var code = input.CountryCode?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code) && !await db.Countries.AnyAsync(c => c.Code == code, cancellationToken))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.CountryCode)}", T["Choose a country from the list."]);
        }

        if (input.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.RegionId)}", T["Choose a region from the list."]);
        }

        // A point needs both numbers: one alone would put the marker nowhere.
        if ((input.Latitude is null) != (input.Longitude is null) && ModelState.IsValid)
        {
            ModelState.AddModelError($"{InputPrefix}.{(input.Latitude is null ? nameof(input.Latitude) : nameof(input.Longitude))}",
                T["Enter both the latitude and the longitude, or neither."]);
        }

        return ModelState.IsValid;
    }

    private async Task<EditPage<CityInput>> PageAsync(EditorState state, CityInput input, CancellationToken cancellationToken) =>
        new(state, input, await queries.LookupsAsync(cancellationToken));
}
