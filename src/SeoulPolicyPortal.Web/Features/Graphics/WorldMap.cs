using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Graphics;

/// <summary>A country's numbers on a map; a null count is not shown (the directory's map counts no projects).</summary>
public sealed record MapCountry(string Code, string Name, int? Projects, int? Cities);

public sealed record MapMarker(string Name, CityRelationship Type, double Latitude, double Longitude);

/// <summary>What the shading counts: the legend's classes and the country links' names follow it.</summary>
public enum MapMeasure
{
    Projects,
    Cities,
}

/// <param name="Id">Unique on the page: the prefix of every id inside the figure.</param>
/// <param name="Countries">Countries with numbers: shaded by <paramref name="ShadeBy"/> and linked to their pages.</param>
/// <param name="Highlighted">Countries drawn hatched and outlined on top of their shading (the chosen or the page's country).</param>
/// <param name="ZoomTo">A country the view is framed on (a country page); null for the whole world.</param>
/// <param name="CountryLink">The address of a country's page, from the caller's URL helper.</param>
/// <param name="HighlightLegend">What the legend says the hatching means; by default "the chosen country" or "this country".</param>
public sealed record WorldMapModel(
    string Id,
    string Title,
    string Description,
    MapMeasure ShadeBy,
    IReadOnlyList<MapCountry> Countries,
    IReadOnlyList<MapMarker> Markers,
    IReadOnlyCollection<string> Highlighted,
    Func<string, string> CountryLink,
    string? ZoomTo = null,
    string? HighlightLegend = null);

/// <summary>
/// Draws the world map as inline SVG on the server: no tiles, no script, nothing fetched. Countries with numbers are
/// shaded in fixed classes (a legend names them) and are links whose accessible name states the numbers; cities are
/// markers whose shape says sister (circle) or friendship (diamond); a star marks Seoul. A table with the same numbers
/// follows the map.
/// </summary>
public static class WorldMap
{
    // Seoul, GeoNames 1835848 (the same source as the partner cities, seed-data/city-locations.json).
    public const double SeoulLatitude = 37.566, SeoulLongitude = 126.9784;

    private static readonly int[] ProjectClasses = [1, 2, 4, 8];
    private static readonly int[] CityClasses = [1, 2, 3, 4];

    public static IHtmlContent Render(WorldMapModel model, IStringLocalizer localizer)
    {
        var geometry = WorldGeometry.Instance;
        var view = View(geometry, model.ZoomTo);
        // Markers and outlines keep their size on screen whatever the zoom.
        var unit = view.Width / geometry.Width;
        var numbers = model.Countries.Where(c => geometry.Countries.ContainsKey(c.Code)).ToDictionary(c => c.Code);
        // A framed view leaves out what it does not show, in the picture and in its table alike.
        var listed = model.Countries.Where(c => !numbers.ContainsKey(c.Code) || geometry.Countries[c.Code].Extent.Intersects(view)).ToList();
        var breaks = model.ShadeBy == MapMeasure.Projects ? ProjectClasses : CityClasses;

        var w = new MarkupWriter();
        Figure.Open(w, model.Id, model.Title, model.Description, "map-figure");
        w.Raw("<a class=\"skip-graphic\"").Attribute("href", $"#{model.Id}-table").Raw(">").Text(localizer["Skip the map and go to its table"]).Raw("</a>");
        w.Raw("<svg class=\"world-map\" xmlns=\"http://www.w3.org/2000/svg\" role=\"group\"")
            .Attribute("viewBox", $"{MarkupWriter.Format(view.X0)} {MarkupWriter.Format(view.Y0)} {MarkupWriter.Format(view.Width)} {MarkupWriter.Format(view.Height)}")
            .Attribute("aria-labelledby", model.Id + "-title").Attribute("aria-describedby", model.Id + "-desc").Raw(">")
            .Raw("<defs><pattern patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"").Attribute("id", model.Id + "-hatch")
            .Attribute("width", 14 * unit).Attribute("height", 14 * unit).Raw("><rect class=\"hatch-line\"").Attribute("width", 6 * unit)
            .Attribute("height", 14 * unit).Raw("/></pattern></defs>");

        // Everything without numbers is one plain path: one element instead of a hundred.
        w.Raw("<path class=\"land\" aria-hidden=\"true\" d=\"").Raw(geometry.Others);
        foreach (var shape in geometry.Countries.Values.Where(s => !numbers.ContainsKey(s.Code) && s.Extent.Intersects(view)))
        {
            w.Raw(shape.PathData);
        }

        w.Raw("\"/>");

        foreach (var country in numbers.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var shape = geometry.Countries[country.Code];
            if (!shape.Extent.Intersects(view))
            {
                continue;
            }

            var shade = ShadeClass(model.ShadeBy == MapMeasure.Projects ? country.Projects : country.Cities, breaks);
            if (country.Code == model.ZoomTo)
            {
                // The page's own country: no link back to the page the reader is on.
                w.Raw("<path aria-hidden=\"true\"").Attribute("class", shade).Raw(" d=\"").Raw(shape.PathData).Raw("\"/>");
                continue;
            }

            w.Raw("<a").Attribute("href", model.CountryLink(country.Code)).Attribute("aria-label", Describe(country, localizer))
                .Raw("><path").Attribute("class", shade).Raw(" d=\"").Raw(shape.PathData).Raw("\"/></a>");
        }

        w.Raw("<g class=\"overlay\" aria-hidden=\"true\">");
        foreach (var code in model.Highlighted.Where(geometry.Countries.ContainsKey))
        {
            w.Raw("<path class=\"highlight\"").Attribute("fill", $"url(#{model.Id}-hatch)").Raw(" d=\"").Raw(geometry.Countries[code].PathData).Raw("\"/>");
        }

        foreach (var marker in model.Markers)
        {
            var (x, y) = geometry.Project(marker.Latitude, marker.Longitude);
            if (marker.Type == CityRelationship.Sister)
            {
                w.Raw("<circle class=\"marker sister\"").Attribute("cx", x).Attribute("cy", y).Attribute("r", 6 * unit).Raw("/>");
            }
            else
            {
                var r = MarkupWriter.Format(7.5 * unit);
                w.Raw("<path class=\"marker friendship\"").Attribute("d", $"M{MarkupWriter.Format(x)} {MarkupWriter.Format(y - 7.5 * unit)}l{r} {r}-{r} {r}-{r}-{r}z").Raw("/>");
            }
        }

        var (seoulX, seoulY) = geometry.Project(SeoulLatitude, SeoulLongitude);
        w.Raw("<path class=\"marker seoul\"").Attribute("d", Star(seoulX, seoulY, 16 * unit)).Raw("/></g></svg>");

        Legend(w, model, breaks, listed, localizer);
        // GeoNames' licence (CC BY 4.0) asks for this credit where its points are shown.
        w.Raw("<p class=\"graphic-credit\">").Text(localizer["Outlines: Natural Earth (public domain). City locations: GeoNames, CC BY 4.0."]).Raw("</p>");
        Figure.Table(w, model.Id, model.Title, Table(model, listed, localizer), localizer);
        Figure.Close(w);
        return w.ToHtml();
    }

    /// <summary>"Vietnam: 11 projects, 2 partner cities": the accessible name of a country's link.</summary>
    public static string Describe(MapCountry country, IStringLocalizer localizer)
    {
        var parts = new List<string>();
        if (country.Projects is { } projects)
        {
            parts.Add(localizer.Count(projects, "{0} project", "{0} projects"));
        }

        if (country.Cities is { } cities && (cities > 0 || country.Projects is null))
        {
            parts.Add(localizer.Count(cities, "{0} partner city", "{0} partner cities"));
        }

        return parts.Count == 2 ? localizer["{0}: {1}, {2}", country.Name, parts[0], parts[1]] : localizer["{0}: {1}", country.Name, parts[0]];
    }

    /// <summary>The CSS class of a count: shade-0 for none, then one class per step of the legend.</summary>
    public static string ShadeClass(int? count, IReadOnlyList<int> breaks)
    {
        var step = 0;
        for (var i = 0; i < breaks.Count; i++)
        {
            if ((count ?? 0) >= breaks[i])
            {
                step = i + 1;
            }
        }

        return "shade shade-" + step.ToString(CultureInfo.InvariantCulture);
    }

    // A country page frames its country (its largest part: France without French Guiana) with room around it, at the
    // map's proportions, inside the map.
    private static MapBox View(WorldGeometry geometry, string? zoomTo)
    {
        if (zoomTo is null || !geometry.Countries.TryGetValue(zoomTo, out var shape))
        {
            return geometry.Bounds;
        }

        var box = shape.MainBox;
        var aspect = (double)geometry.Width / geometry.Height;
        var width = Math.Max(Math.Max(box.Width, box.Height * aspect) * 1.8, 240);
        var height = width / aspect;
        if (width >= geometry.Width)
        {
            return geometry.Bounds;
        }

        var x0 = Math.Clamp(box.X0 + box.Width / 2 - width / 2, 0, geometry.Width - width);
        var y0 = Math.Clamp(box.Y0 + box.Height / 2 - height / 2, 0, geometry.Height - height);
        return new MapBox(x0, y0, x0 + width, y0 + height);
    }

    private static string Star(double x, double y, double r)
    {
        var points = Enumerable.Range(0, 10).Select(i =>
        {
            var angle = Math.PI / 5 * i - Math.PI / 2;
            var radius = i % 2 == 0 ? r : r * 0.45;
            return MarkupWriter.Format(x + radius * Math.Cos(angle)) + " " + MarkupWriter.Format(y + radius * Math.Sin(angle));
        });
        return "M" + string.Join("L", points) + "Z";
    }

    private static void Legend(MarkupWriter w, WorldMapModel model, int[] breaks, IEnumerable<MapCountry> countries, IStringLocalizer localizer)
    {
        var counts = countries.Select(c => model.ShadeBy == MapMeasure.Projects ? c.Projects ?? 0 : c.Cities ?? 0).ToList();
        w.Raw("<div class=\"map-legend\"><p class=\"legend-heading\">")
            .Text(model.ShadeBy == MapMeasure.Projects ? localizer["Projects per country"] : localizer["Partner cities per country"])
            .Raw("</p><ul class=\"legend-list\">");
        for (var i = 0; i < breaks.Length; i++)
        {
            var from = breaks[i];
            var to = i + 1 < breaks.Length ? breaks[i + 1] - 1 : (int?)null;
            string label = to is null ? localizer["{0} or more", from.ToString("N0")]
                : to == from ? from.ToString("N0")
                : localizer["{0} to {1}", from.ToString("N0"), to.Value.ToString("N0")];
            var inClass = counts.Count(c => c >= from && (to is null || c <= to));
            w.Raw("<li><svg class=\"swatch\" viewBox=\"0 0 20 14\" aria-hidden=\"true\"><rect width=\"20\" height=\"14\"")
                .Attribute("class", "shade shade-" + (i + 1).ToString(CultureInfo.InvariantCulture)).Raw("/></svg>")
                .Text(localizer["{0} ({1})", label, localizer.Count(inClass, "{0} country", "{0} countries")]).Raw("</li>");
        }

        if (model.Highlighted.Count > 0)
        {
            w.Raw("<li><svg class=\"swatch\" viewBox=\"0 0 20 14\" aria-hidden=\"true\"><defs><pattern patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"")
                .Attribute("id", model.Id + "-legend-hatch").Raw("><rect class=\"hatch-line\" width=\"2.6\" height=\"6\"/></pattern></defs>")
                .Raw("<rect width=\"20\" height=\"14\" class=\"shade shade-2\"/><rect width=\"20\" height=\"14\" class=\"highlight\"")
                .Attribute("fill", $"url(#{model.Id}-legend-hatch)").Raw("/></svg>")
                .Text(model.HighlightLegend ?? (model.ZoomTo is null ? localizer["Hatched: the chosen country"] : localizer["Hatched: this country"])).Raw("</li>");
        }

        if (model.Markers.Count > 0)
        {
            w.Raw("<li><svg class=\"swatch\" viewBox=\"0 0 20 20\" aria-hidden=\"true\"><circle class=\"marker sister\" cx=\"10\" cy=\"10\" r=\"6\"/></svg>")
                .Text(localizer["Sister city"]).Raw("</li>")
                .Raw("<li><svg class=\"swatch\" viewBox=\"0 0 20 20\" aria-hidden=\"true\"><path class=\"marker friendship\" d=\"M10 2.5l7.5 7.5-7.5 7.5-7.5-7.5z\"/></svg>")
                .Text(localizer["Friendship city"]).Raw("</li>");
        }

        w.Raw("<li><svg class=\"swatch\" viewBox=\"0 0 20 20\" aria-hidden=\"true\"><path class=\"marker seoul\"").Attribute("d", Star(10, 10, 9))
            .Raw("/></svg>").Text(localizer["Seoul"]).Raw("</li></ul></div>");
    }

    private static FigureTable Table(WorldMapModel model, IReadOnlyList<MapCountry> listed, IStringLocalizer localizer)
    {
        var showProjects = listed.Any(c => c.Projects is not null);
        var showCities = listed.Any(c => c.Cities is not null);
        var columns = new List<string> { localizer["Country"] };
        if (showProjects)
        {
            columns.Add(localizer["Projects"]);
        }

        if (showCities)
        {
            columns.Add(localizer["Partner cities"]);
        }

        var rows = listed
            .OrderByDescending(c => model.ShadeBy == MapMeasure.Projects ? c.Projects : c.Cities)
            .ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c =>
            {
                var cells = new List<string>();
                if (showProjects)
                {
                    cells.Add((c.Projects ?? 0).ToString("N0"));
                }

                if (showCities)
                {
                    cells.Add((c.Cities ?? 0).ToString("N0"));
                }

                return new TableRow(c.Name, cells, c.Code == model.ZoomTo ? null : model.CountryLink(c.Code), model.Highlighted.Contains(c.Code));
            })
            .ToList();
        return new FigureTable(columns, rows);
    }
}
