using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace SeoulPolicyPortal.Tests.Graphics;

/// <summary>
/// The maps and charts say what the catalogue says: every number in them is checked against /api/projects (the same
/// catalogue query) for the same filters, and every figure carries its table.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class MapAndChartTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    public static readonly TheoryData<string> Views =
    [
        "",
        "area=transportation",
        "year=2017",
        "region=asia",
        "q=smart",
        "area=urban-railway&year=2018",
        "area=e-government&region=africa-middle-east",
    ];

    [Theory]
    [MemberData(nameof(Views))]
    public async Task CatalogueMap_ShadesExactlyTheCountriesTheFiltersMatch_WithTheirCounts(string query)
    {
        var document = await _client.GetDocumentAsync($"/projects?{query}");
        var map = document.QuerySelector("#catalogue-map")!;

        // The countries of every matching project, as the API lists them.
        var all = await _client.GetJsonAsync($"/api/projects?{query}&pageSize=100");
        var expected = all.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("country").GetString()).OfType<string>().Distinct())
            .GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count());

        var shaded = map.QuerySelectorAll("svg a").ToDictionary(a => a.GetAttribute("href")!.Split('/')[^1], a => a);
        Assert.Equal(expected.Keys.Order(), shaded.Keys.Order());
        foreach (var (code, link) in shaded)
        {
            var count = await TotalAsync($"{query}&country={code}");
            Assert.Equal(expected[code], count);
            Assert.EndsWith($": {count} project{(count == 1 ? "" : "s")}", link.GetAttribute("aria-label"));
            Assert.Contains(ShadeClass(count), link.QuerySelector("path")!.ClassList);
        }

        // The table says the same.
        var rows = TableRows(map);
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(expected[CodeOf(row.Link!)], int.Parse(row.Cells[0], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task CatalogueMap_WithACountryChosen_HatchesItAndShowsItsPartnersInTheSameProjects()
    {
        var document = await _client.GetDocumentAsync("/projects?country=VN");
        var map = document.QuerySelector("#catalogue-map")!;

        Assert.Single(map.QuerySelectorAll("svg .overlay path.highlight"));
        var vietnam = map.QuerySelector("svg a[href='/countries/VN']")!;
        Assert.Equal("Vietnam: 11 projects", vietnam.GetAttribute("aria-label"));
        var selected = map.QuerySelector("table tr.selected")!;
        Assert.Equal("Vietnam", selected.QuerySelector("th")!.TextContent);
        // p048 has partners in Uganda, Thailand, Ukraine and Jordan too: each is shaded with the one shared project.
        Assert.Equal("Jordan: 1 project", map.QuerySelector("svg a[href='/countries/JO']")!.GetAttribute("aria-label"));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task CatalogueCharts_EveryNumberEqualsTheCatalogueCountForTheSameFilters(string query)
    {
        var document = await _client.GetDocumentAsync($"/projects?{query}");
        var areaSlugs = Options(document, "#project-area");
        var regionSlugs = Options(document, "#project-region");
        var areaChosen = document.QuerySelector("#project-area option[selected]") is not null;

        // Projects per area, or per sub-area of the chosen area.
        var perArea = TableRows(document.QuerySelector("#catalogue-areas")!);
        Assert.NotEmpty(perArea);
        var subAreas = areaChosen ? Options(document, "#project-concentration") : [];
        foreach (var row in perArea)
        {
            if (areaChosen && !subAreas.ContainsKey(row.Header))
            {
                // The form offers only sub-areas with a match; the chart shows every one, the others at zero.
                Assert.Equal(0, Number(row.Cells[0]));
                continue;
            }

            var filter = areaChosen ? $"concentration={subAreas[row.Header]}" : $"area={areaSlugs[row.Header]}";
            Assert.Equal(await TotalAsync($"{query}&{filter}"), Number(row.Cells[0]));
        }

        foreach (var row in TableRows(document.QuerySelector("#catalogue-regions")!).Where(r => regionSlugs.ContainsKey(r.Header)))
        {
            if (query.Contains("region="))
            {
                // The chosen region holds every match; the others count what those projects share with them.
                Assert.True(Number(row.Cells[0]) <= await TotalAsync(query));
                if (query.Contains($"region={regionSlugs[row.Header]}"))
                {
                    Assert.Equal(await TotalAsync(query), Number(row.Cells[0]));
                }

                continue;
            }

            Assert.Equal(await TotalAsync($"{query}&region={regionSlugs[row.Header]}"), Number(row.Cells[0]));
        }

        // The timeline: each year in total, and each area's row for that year.
        var timeline = document.QuerySelector("#catalogue-timeline")!;
        var columns = timeline.QuerySelectorAll("thead th").Select(th => th.TextContent).ToList();
        var years = TableRows(timeline);
        if (query.Contains("year="))
        {
            // With a year chosen, that year's column holds every matching project.
            var chosen = years.Single(r => query.Contains($"year={r.Header}"));
            Assert.Equal(await TotalAsync(query), Number(chosen.Cells[0]));
            return;
        }

        foreach (var row in years.Where((_, i) => i % 3 == 0))
        {
            var yearFilter = $"year={row.Header}";
            Assert.Equal(await TotalAsync($"{query}&{yearFilter}"), Number(row.Cells[0]));
            for (var c = 1; c < row.Cells.Count; c++)
            {
                var area = areaSlugs[columns[c + 1]];
                Assert.Equal(await TotalAsync($"{query}&{yearFilter}&area={area}"), Number(row.Cells[c]));
            }
        }
    }

    [Fact]
    public async Task Charts_ShowTheDeclaredCountBesideTheListedOne()
    {
        var overview = await _client.GetDocumentAsync("/");

        var areas = TableRows(overview.QuerySelector("#overview-areas")!).ToDictionary(r => r.Header);
        Assert.Equal(["17", "16"], areas["e-Government System"].Cells);
        Assert.Equal(["22", "not stated"], areas["Urban Railway"].Cells);
        Assert.Equal(["36", "36"], areas["Transportation"].Cells);

        var cities = overview.QuerySelector("#overview-cities")!;
        var regions = TableRows(cities).ToDictionary(r => r.Header);
        Assert.Equal(["9", "3", "12", "24"], regions["Asia"].Cells);
        var total = cities.QuerySelector("tfoot tr")!.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["23 (23 declared)", "30 (48 declared)", "53", "71"], total);

        var eGovernment = await _client.GetDocumentAsync("/projects?area=e-government");
        var subAreas = TableRows(eGovernment.QuerySelector("#catalogue-areas")!).ToDictionary(r => r.Header);
        Assert.Equal(["3", "2"], subAreas["Construction Administration System"].Cells);
    }

    [Theory]
    [InlineData("")]
    [InlineData("region=europe&type=sister")]
    [InlineData("country=CN")]
    public async Task CityMapAndChart_CountTheCitiesTheDirectoryLists(string query)
    {
        var document = await _client.GetDocumentAsync($"/cities?{query}");
        var listed = await _client.GetJsonAsync($"/api/cities?{query}");
        var cities = listed.GetProperty("items").EnumerateArray().ToList();

        var perCountry = cities.GroupBy(c => c.GetProperty("country").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var map = document.QuerySelector("#cities-map")!;
        var links = map.QuerySelectorAll("svg a").ToDictionary(a => CodeOf(a.GetAttribute("href")!), a => a.GetAttribute("aria-label")!);
        Assert.Equal(perCountry.Keys.Order(), links.Keys.Order());
        Assert.All(perCountry, pair => Assert.EndsWith($": {pair.Value} partner cit{(pair.Value == 1 ? "y" : "ies")}", links[pair.Key]));
        // Every city with a point is a marker: the three provinces have none.
        var placed = cities.Count(c => c.GetProperty("name").GetString() is not ("Shandong" or "Lombardy" or "New South Wales"));
        Assert.Equal(placed, map.QuerySelectorAll("svg.world-map .marker.sister, svg.world-map .marker.friendship").Length);

        foreach (var row in TableRows(document.QuerySelector("#cities-regions")!))
        {
            var region = cities.Where(c => document.QuerySelector($"#region-{c.GetProperty("region").GetString()}")!.TextContent == row.Header).ToList();
            Assert.Equal(region.Count(c => c.GetProperty("type").GetString() == "sister"), Number(row.Cells[0]));
            Assert.Equal(region.Count(c => c.GetProperty("type").GetString() == "friendship"), Number(row.Cells[1]));
        }
    }

    public static readonly TheoryData<string> PagesWithGraphics =
        ["/", "/cities", "/projects", "/projects?area=e-government", "/countries/VN", "/projects/48/pre-consultation-on-development-of-a-clean-construction-system"];

    [Theory]
    [MemberData(nameof(PagesWithGraphics))]
    public async Task EveryMapAndChart_HasATitleADescriptionAndATableWithTheSameRows(string path)
    {
        var document = await _client.GetDocumentAsync(path);
        var figures = document.QuerySelectorAll("figure.graphic");

        Assert.NotEmpty(figures);
        foreach (var figure in figures)
        {
            var svg = figure.QuerySelector("svg.world-map, svg.chart")!;
            var title = document.GetElementById(svg.GetAttribute("aria-labelledby")!)!;
            var description = document.GetElementById(svg.GetAttribute("aria-describedby")!)!;
            Assert.False(string.IsNullOrWhiteSpace(title.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(description.TextContent));
            var table = figure.QuerySelector("details.graphic-table table")!;
            Assert.Equal(title.TextContent, table.QuerySelector("caption")!.TextContent);
            Assert.NotEmpty(table.QuerySelectorAll("tbody tr"));
            Assert.Contains(title.TextContent, figure.QuerySelector("details.graphic-table summary")!.TextContent);
            if (svg.ClassList.Contains("world-map"))
            {
                // Each linked country is a row of the table, and the skip link leads to the table.
                var rows = table.QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")).ToHashSet();
                Assert.All(svg.QuerySelectorAll("a"), a => Assert.Contains(a.GetAttribute("href"), rows));
                Assert.Equal("#" + table.Id, figure.QuerySelector("a.skip-graphic")!.GetAttribute("href"));
            }
        }
    }

    [Fact]
    public async Task CountryPage_MapFramesAndHatchesTheCountry_WithoutLinkingBackToIt()
    {
        var document = await _client.GetDocumentAsync("/countries/VN");
        var map = document.QuerySelector("#country-map")!;

        Assert.Null(map.QuerySelector("svg a[href='/countries/VN']"));
        Assert.Single(map.QuerySelectorAll("svg .overlay path.highlight"));
        Assert.NotEqual("0 0 2000 914", map.QuerySelector("svg")!.GetAttribute("viewBox"));
        Assert.Contains("Vietnam: 11 projects, 2 partner cities", map.QuerySelector(".graphic-description")!.TextContent);
        Assert.Empty(document.QuerySelectorAll(".project-card a[href='/countries/VN']"));
    }

    private async Task<int> TotalAsync(string query) =>
        (await _client.GetJsonAsync($"/api/projects?{query.TrimStart('&')}&pageSize=1")).GetProperty("total").GetInt32();

    private static string ShadeClass(int count) => count >= 8 ? "shade-4" : count >= 4 ? "shade-3" : count >= 2 ? "shade-2" : "shade-1";

    private static string CodeOf(string href) => href.Split('/')[^1];

    private static int Number(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    // "Transportation (36)" → "Transportation": the form's options name each value as the charts do.
    private static Dictionary<string, string> Options(IDocument document, string select) =>
        document.QuerySelectorAll($"{select} option[value]:not([value=''])")
            .ToDictionary(o => o.TextContent[..o.TextContent.LastIndexOf(" (", StringComparison.Ordinal)], o => o.GetAttribute("value")!);

    private sealed record Row(string Header, string? Link, IReadOnlyList<string> Cells);

    private static List<Row> TableRows(IElement figure) =>
        figure.QuerySelectorAll("table tbody tr")
            .Select(tr => new Row(tr.QuerySelector("th")!.TextContent, tr.QuerySelector("th a")?.GetAttribute("href"),
                tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList()))
            .ToList();
}
