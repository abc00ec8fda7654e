using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Features.Graphics;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Projects;

/// <summary>
/// The map and charts of a set of projects, built from the <see cref="CatalogueSummary"/> of a catalogue view: the
/// overview's (every project) and the catalogue's (its filters). Descriptions state the main numbers in words; every
/// number is in each figure's table.
/// </summary>
public static class ProjectGraphics
{
    public static TimelineModel Timeline(string id, CatalogueSummary summary, IStringLocalizer localizer)
    {
        var rows = summary.Areas.Select((a, i) => (Area: a, Index: i)).Where(x => x.Area.Count > 0).ToList();
        var years = summary.Years
            .Select(y => new TimelineYear(y.Year, y.Total, rows.Select(r => y.PerArea[r.Index]).ToList(), y.Selected))
            .ToList();
        string description = localizer["No project matches these filters."];
        if (years.Count > 0)
        {
            var busiest = years.MaxBy(y => y.Total)!;
            description = localizer["Projects active in each year from {0} to {1}: a project counts in every year from its start to its end. The busiest year was {2}, with {3}. Below the total, one row per area on a shared scale: the tallest bar stands for {4}.",
                years[0].Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                years[^1].Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                busiest.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                localizer.Count(busiest.Total, "{0} project", "{0} projects"),
                localizer.Count(years.SelectMany(y => y.PerRow).DefaultIfEmpty(0).Max(), "{0} project", "{0} projects")];
        }

        return new TimelineModel(id, localizer["Projects active per year, by area"], description, localizer["All areas"], years,
            rows.Select(r => new TimelineRow(r.Area.Label, localizer.Count(r.Area.Count, "{0} project", "{0} projects"))).ToList());
    }

    /// <summary>Projects per area; once an area is chosen, projects per sub-area of that area.</summary>
    public static BarChartModel PerArea(string id, CatalogueSummary summary, IStringLocalizer localizer)
    {
        var area = summary.Areas.FirstOrDefault(a => a.Selected);
        var values = area is null ? summary.Areas : summary.Concentrations;
        var title = area is null ? localizer["Projects per area"] : localizer["Projects per sub-area of {0}", area.Label];
        var parts = new List<string>();
        if (values.Where(v => v.Count > 0).MaxBy(v => v.Count) is { } top)
        {
            parts.Add(localizer["The most are in {0}: {1}.", top.Label, localizer.Count(top.Count, "{0} project", "{0} projects")]);
        }

        foreach (var value in values.Where(v => v.Declared is { } declared && declared != v.Count))
        {
            parts.Add(localizer["{0} lists {1} but the source declares {2}.", value.Label, value.Count.ToString("N0"), value.Declared!.Value.ToString("N0")]);
        }

        if (values.Any(v => v.Declared is not null))
        {
            parts.Add(localizer["A mark across a bar shows the count the source document declares."]);
            parts.AddRange(values.Where(v => v.Declared is null).Select(v => localizer["The source gives no count for {0}.", v.Label].Value));
        }

        if (area?.Note is not null)
        {
            parts.Add(area.Note);
        }

        var description = parts.Count == 0 ? localizer["No project matches these filters."].Value : string.Join(" ", parts);
        return new BarChartModel(id, title, description, area is null ? localizer["Area"] : localizer["Sub-area"], localizer["Projects"],
            [new BarSeries(localizer["Projects"], "{0}")],
            values.Select(v => new ChartBar(v.Label, [v.Count], v.Declared, v.Selected)).ToList());
    }

    public static BarChartModel PerRegion(string id, CatalogueSummary summary, IStringLocalizer localizer)
    {
        var bars = summary.Regions.Select(r => new ChartBar(r.Label, [r.Count], Selected: r.Selected)).ToList();
        if (summary.WithoutCountry > 0)
        {
            bars.Add(new ChartBar(localizer["No single country"], [summary.WithoutCountry]));
        }

        var description = localizer["Projects by the region of their partner countries, in the source’s five regions. A project with partners in several regions counts in each; {0} with no single partner country (such as “Developing countries”) are counted apart.",
            summary.WithoutCountry.ToString("N0")];
        return new BarChartModel(id, localizer["Projects per region"], description, localizer["Region"], localizer["Projects"],
            [new BarSeries(localizer["Projects"], "{0}")], bars);
    }

    /// <summary>Countries shaded by the number of matching projects with a partner there; the chosen country hatched.</summary>
    /// <param name="cityCountries">Countries with partner cities and how many (the overview's map); empty where cities are not shown.</param>
    public static WorldMapModel Map(
        string id, string title, CatalogueSummary summary, IReadOnlyList<MapCountry> cityCountries, IReadOnlyList<MapMarker> markers,
        Func<string, string> countryLink, IStringLocalizer localizer)
    {
        var chosen = summary.Countries.Where(c => c.Selected).Select(c => c.Value).ToList();
        var cities = cityCountries.ToDictionary(c => c.Code);
        var countries = summary.Countries
            .Select(c => new MapCountry(c.Value, c.Label, c.Count, cities.GetValueOrDefault(c.Value)?.Cities))
            .Concat(cityCountries.Where(c => summary.Countries.All(p => p.Value != c.Code)).Select(c => c with { Projects = 0 }))
            .ToList();
        var parts = new List<string>
        {
            localizer["A world map centred on the Pacific. Shaded: {0} with a partner in these projects, darker for more projects; a project with partners in several countries counts in each. A star marks Seoul.",
                localizer.Count(summary.Countries.Count, "{0} country", "{0} countries")],
        };
        if (markers.Count > 0)
        {
            parts.Add(localizer["{0} are marked: circles for sister cities, diamonds for friendship cities.",
                localizer.Count(markers.Count, "{0} partner city", "{0} partner cities")]);
        }

        if (chosen.Count > 0)
        {
            parts.Add(localizer["The chosen country is hatched; the other countries shaded are partners in the same projects."]);
        }

        parts.Add(localizer["The table after the map has the same numbers."]);
        return new WorldMapModel(id, title, string.Join(" ", parts), MapMeasure.Projects, countries, markers, chosen, countryLink);
    }
}
