using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Cities;

public sealed class CityInput : IEditInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the city’s name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose a country.")]
    public string? CountryCode { get; set; }

    /// <summary>The country's region, set by <see cref="CityForm.ValidateAsync"/>; never read from the form.</summary>
    [BindNever]
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

/// <summary>The partner city form; the country and region must be ones the portal knows.</summary>
public sealed class CityForm : EditForm<City, CitySnapshot, CityInput>
{
    public static readonly CityForm Instance = new();

    public override ContentKind<City, CitySnapshot> Kind => ContentKind.City;
    public override string CreatedMessage => "The partner city was created.";


    public override CityInput ToInput(City city) => CityInput.From(city);

    public override CitySnapshot ToSnapshot(CityInput input, bool isArchived) => input.ToSnapshot(isArchived);

    public override string Label(CityInput input) => input.Name ?? "";

    public override async Task ValidateAsync(EditValidation validation, CityInput input, int? id, CancellationToken cancellationToken)
    {
        // The region is the country's (issue 13: a Colombian city saved under Europe made /cities disagree with itself).
        var code = input.CountryCode?.Trim().ToUpperInvariant();
        var country = string.IsNullOrEmpty(code)
            ? null
            : await validation.Db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.RegionId }).SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(code) && country is null)
        {
            validation.Error(nameof(input.CountryCode), "Choose a country from the list.");
        }
        else if (country is not null && country.RegionId is null)
        {
            validation.Error(nameof(input.CountryCode), "This country has no region yet: choose its region on its page under Countries first.");
        }

        input.RegionId = country?.RegionId;

        // A point needs both numbers: one alone would put the marker nowhere.
        if ((input.Latitude is null) != (input.Longitude is null) && validation.IsValid)
        {
            validation.Error(input.Latitude is null ? nameof(input.Latitude) : nameof(input.Longitude),
                "Enter both the latitude and the longitude, or neither.");
        }
    }
}

[Route("admin/cities")]
public sealed class CitiesController(PortalDbContext db) : EditingController<City, CitySnapshot, CityInput>(CityForm.Instance)
{
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
}
