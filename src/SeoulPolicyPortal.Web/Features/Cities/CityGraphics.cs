using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Graphics;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Cities;

/// <summary>The map and the chart of a city directory view (the overview's: every city; /cities: its filters).</summary>
public static class CityGraphics
{
    public static IReadOnlyList<MapMarker> Markers(IEnumerable<CityItem> cities) =>
        cities.Where(c => c.Latitude is not null && c.Longitude is not null)
            .Select(c => new MapMarker(c.Name, c.Type, c.Latitude!.Value, c.Longitude!.Value))
            .ToList();

    /// <summary>Countries with partner cities in the view and how many.</summary>
    public static IReadOnlyList<MapCountry> Countries(IEnumerable<CityItem> cities) =>
        cities.GroupBy(c => c.Country).Select(g => new MapCountry(g.Key, g.First().CountryName, null, g.Count())).ToList();

    /// <summary>Sister and friendship cities per region, with the source's declared totals when the view is not narrowed by type, country or text.</summary>
    public static BarChartModel PerRegion(string id, CityDirectoryPage page, IStringLocalizer localizer)
    {
        var whole = page.Filter is { Type: null, Country: null, Q: null };
        var bars = page.Regions.Select(r => new ChartBar(r.Name,
                [r.Cities.Count(c => c.Type == CityRelationship.Sister), r.Cities.Count(c => c.Type == CityRelationship.Friendship)],
                whole ? r.DeclaredTotal : null))
            .ToList();
        var sister = bars.Sum(b => b.Values[0]);
        var friendship = bars.Sum(b => b.Values[1]);
        var parts = new List<string>
        {
            localizer["Sister cities (solid) and friendship cities (hatched) in each region: {0} and {1} listed here.",
                localizer.Count(sister, "{0} sister city", "{0} sister cities"), localizer.Count(friendship, "{0} friendship city", "{0} friendship cities")],
        };
        TableRow? total = null;
        if (whole && page.Filter.Region is null && page.Declared is { Total: { } declaredTotal } declared)
        {
            parts.Add(localizer["The source declares {0} in all, {1} sister and {2} friendship: its table survived only in part, so a mark across each bar shows the region’s declared total.",
                declaredTotal.ToString("N0"), (declared.Sister ?? 0).ToString("N0"), (declared.Friendship ?? 0).ToString("N0")]);
            total = new TableRow(localizer["All regions"],
            [
                localizer["{0} ({1} declared)", sister.ToString("N0"), declared.Sister?.ToString("N0") ?? "?"],
                localizer["{0} ({1} declared)", friendship.ToString("N0"), declared.Friendship?.ToString("N0") ?? "?"],
                (sister + friendship).ToString("N0"),
                declaredTotal.ToString("N0"),
            ]);
        }
        else if (whole)
        {
            parts.Add(localizer["A mark across each bar shows the region’s total as the source declares it."]);
        }

        return new BarChartModel(id, localizer["Sister and friendship cities per region"], string.Join(" ", parts), localizer["Region"],
            localizer["Partner cities"],
            [new BarSeries(localizer["Sister cities"], "{0} sister"), new BarSeries(localizer["Friendship cities"], "{0} friendship")],
            bars, total);
    }

    public static WorldMapModel Map(string id, CityDirectoryPage page, Func<string, string> countryLink, IStringLocalizer localizer)
    {
        var cities = page.Cities.ToList();
        var markers = Markers(cities);
        var unplaced = cities.Where(c => c.Latitude is null || c.Longitude is null).Select(c => c.Name).ToList();
        var countries = Countries(cities);
        var parts = new List<string>
        {
            localizer["A world map centred on the Pacific. Shaded: {0} with the partner cities listed here, darker for more cities. Each city is marked, circles for sister cities and diamonds for friendship cities; a star marks Seoul.",
                localizer.Count(countries.Count, "{0} country", "{0} countries")],
        };
        if (unplaced.Count > 0)
        {
            parts.Add(localizer["Not marked, as no point is recorded for them (the source names provinces and states as well as cities): {0}.", string.Join(", ", unplaced)]);
        }

        parts.Add(localizer["The table after the map has the same numbers."]);
        return new WorldMapModel(id, localizer["Where the partner cities are"], string.Join(" ", parts), MapMeasure.Cities, countries, markers,
            page.Filter.Country is { } chosen ? [chosen] : [], countryLink);
    }
}
