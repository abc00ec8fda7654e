using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Cities;

namespace SeoulPolicyPortal.Web.Features.Exports;

public sealed record ExportedCity(int Id, string Name, string Country, string CountryName, string Region, string RegionName, string Type, int? Since);

public sealed record CityExportDocument(
    string Source, string PageUrl, IReadOnlyDictionary<string, string?> Filters, DateTime DataChangedAtUtc, int Total,
    IReadOnlyList<ExportedCity> Items);

public static class CityExport
{
    /// <summary>The directory's cities in its order (by region, sister cities first), as /api/cities lists them.</summary>
    public static IReadOnlyList<ExportedCity> Items(CityDirectoryPage page) =>
        page.Regions.SelectMany(region => region.Cities.Select(c => new ExportedCity(
                c.Id, c.Name, c.Country, c.CountryName, region.Slug, region.Name,
                c.Type == CityRelationship.Sister ? "sister" : "friendship", c.Since)))
            .ToList();

    public static ExportTable Table(IReadOnlyList<ExportedCity> items, IStringLocalizer localizer, IReadOnlyList<(string Label, string Value)> about) =>
        new(localizer["Partner cities"],
        [
            new(localizer["Id"], ExportCellKind.Number, 6),
            new(localizer["City"], ExportCellKind.Text, 28),
            new(localizer["Country code"], ExportCellKind.Text, 12),
            new(localizer["Country"], ExportCellKind.Text, 24),
            new(localizer["Region"], ExportCellKind.Text, 24),
            new(localizer["Relationship"], ExportCellKind.Text, 18),
            new(localizer["Since"], ExportCellKind.Number, 8),
        ],
        items.Select(c => new object?[]
        {
            c.Id, c.Name, c.Country, c.CountryName, c.RegionName,
            c.Type == "sister" ? localizer["Sister city"].Value : localizer["Friendship city"].Value, c.Since,
        }).ToList(),
        about);
}
