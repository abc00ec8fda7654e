using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Countries;

public sealed class CountryInput : IEditInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the country’s English name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
    public string? Name { get; set; }

    /// <summary>One spelling per line.</summary>
    [StringLength(400, ErrorMessage = "The other spellings can be at most 400 characters in all.")]
    public string? Aliases { get; set; }

    [Required(ErrorMessage = "Choose a region.")]
    public int? RegionId { get; set; }

    public static CountryInput From(Country c) => new()
    {
        Version = c.Version,
        Name = c.Name,
        Aliases = string.Join('\n', c.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries)),
        RegionId = c.RegionId,
    };

    public IReadOnlyList<string> AliasList() =>
        (Aliases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public CountrySnapshot ToSnapshot(bool isArchived) => new(Name!.Trim(), AliasList(), RegionId, isArchived);
}

public sealed record AdminCountryItem(int Id, string Code, string Name, string? Region, int Cities);

public sealed record AdminCountryList(
    IReadOnlyList<AdminCountryItem> Items, int Total, int Page, int PageCount, string? Q, string? Region, IReadOnlyList<Option> Regions);

/// <summary>
/// A country's English name, other spellings and region. The code is ISO 3166's and stays; saving a new region moves
/// every city of the country with it (<see cref="CountryKind.FollowersAsync"/>).
/// </summary>
public sealed class CountryForm : EditForm<Country, CountrySnapshot, CountryInput>
{
    public static readonly CountryForm Instance = new();

    public override ContentKind<Country, CountrySnapshot> Kind => ContentKind.Country;
    public override string CreatedMessage => "Saved. Readers see the change now.";

    public override CountryInput ToInput(Country country) => CountryInput.From(country);

    public override CountrySnapshot ToSnapshot(CountryInput input, bool isArchived) => input.ToSnapshot(isArchived);

    public override string Label(CountryInput input) => input.Name ?? "";

    public override async Task ValidateAsync(EditValidation validation, CountryInput input, int? id, CancellationToken cancellationToken)
    {
        if (input.RegionId is { } regionId && !await validation.Db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            validation.Error(nameof(input.RegionId), "Choose a region from the list.");
        }

        // '|' separates the spellings where they are stored.
        if (input.Aliases?.Contains('|') == true)
        {
            validation.Error(nameof(input.Aliases), "Write one spelling per line, without the character |.");
        }
    }
}

[Route("admin/countries")]
public sealed class CountriesController(PortalDbContext db) : EditingController<Country, CountrySnapshot, CountryInput>(CountryForm.Instance)
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? region, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Countries.AsNoTracking();
        if (region == "none")
        {
            query = query.Where(c => c.RegionId == null);
        }
        else if (!string.IsNullOrWhiteSpace(region))
        {
            query = query.Where(c => c.Region!.Slug == region);
        }

        foreach (var term in (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
        {
            var lower = term.ToLowerInvariant();
            query = query.Where(c => c.Name.ToLower().Contains(lower) || c.Code.ToLower() == lower || c.Aliases.ToLower().Contains(lower));
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderBy(c => c.Name).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new AdminCountryItem(c.Id, c.Code, c.Name, c.Region!.Name, db.Cities.Count(city => city.CountryCode == c.Code && !city.IsArchived)))
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Position).Select(r => new Option(r.Slug, r.Name)).ToListAsync(cancellationToken);
        return View(new AdminCountryList(items, total, page, pageCount, q, region, regions));
    }
}
