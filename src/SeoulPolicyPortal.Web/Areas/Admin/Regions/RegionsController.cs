using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Regions;

public sealed class RegionInput : IEditInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the region’s name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
    public string? Name { get; set; }

    [Range(0, 100_000, ErrorMessage = "Enter a count of 0 or more, or leave it empty.")]
    public int? DeclaredCityCount { get; set; }

    public static RegionInput From(Region r) => new() { Version = r.Version, Name = r.Name, DeclaredCityCount = r.DeclaredCityCount };

    public RegionSnapshot ToSnapshot(bool isArchived) => new(Name!.Trim(), DeclaredCityCount, isArchived);
}

public sealed record AdminRegionItem(int Id, string Slug, string Name, int? DeclaredCityCount, int Countries, int Cities);

/// <summary>
/// A region's name and the city count the source document states. The slug is not editable: it is in every shared
/// /cities?region= link and in the translations' keys, and a region is never renamed so much that its slug would mislead.
/// </summary>
public sealed class RegionForm : EditForm<Region, RegionSnapshot, RegionInput>
{
    public static readonly RegionForm Instance = new();

    public override ContentKind<Region, RegionSnapshot> Kind => ContentKind.Region;
    public override string CreatedMessage => "Saved. Readers see the change now.";

    public override RegionInput ToInput(Region region) => RegionInput.From(region);

    public override RegionSnapshot ToSnapshot(RegionInput input, bool isArchived) => input.ToSnapshot(isArchived);

    public override string Label(RegionInput input) => input.Name ?? "";
}

[Route("admin/regions")]
public sealed class RegionsController(PortalDbContext db) : EditingController<Region, RegionSnapshot, RegionInput>(RegionForm.Instance)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var items = await db.Regions.AsNoTracking().OrderBy(r => r.Position)
            .Select(r => new AdminRegionItem(r.Id, r.Slug, r.Name, r.DeclaredCityCount,
                db.Countries.Count(c => c.RegionId == r.Id), db.Cities.Count(c => c.RegionId == r.Id && !c.IsArchived)))
            .ToListAsync(cancellationToken);
        return View(items);
    }
}
