using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Tests.Projects;

[Collection(SharedPortal.Name)]
public sealed class CatalogueTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    // The counts the source document's table lists per area (Urban Railway's heading and count were lost: 22 rows).
    [Theory]
    [InlineData("transportation", 36)]
    [InlineData("water-management", 5)]
    [InlineData("e-government", 17)]
    [InlineData("urban-railway", 22)]
    [InlineData("urban-planning", 9)]
    [InlineData("environment", 5)]
    [InlineData("firefighting", 3)]
    [InlineData("housing", 1)]
    public async Task Api_FilteredByArea_CountsTheDocumentsRows(string area, int expected)
    {
        var json = await _client.GetJsonAsync($"/api/projects?area={area}");

        Assert.Equal(expected, json.GetProperty("total").GetInt32());
        Assert.All(json.GetProperty("items").EnumerateArray(), item => Assert.Equal(area, item.GetProperty("area").GetString()));
    }

    [Fact]
    public async Task Api_Unfiltered_HoldsEveryRowOfTheSourceTable()
    {
        var json = await _client.GetJsonAsync("/api/projects?pageSize=100");

        Assert.Equal(98, json.GetProperty("total").GetInt32());
        Assert.Equal(98, json.GetProperty("items").GetArrayLength());
        Assert.Equal(98, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Distinct().Count());
    }

    // Counted by hand from the document's table.
    [Theory]
    [InlineData("VN", 11)]
    [InlineData("PH", 8)]
    [InlineData("MN", 6)]
    [InlineData("ID", 9)]
    [InlineData("UA", 4)]
    [InlineData("CO", 4)]
    [InlineData("JO", 1)]
    public async Task Api_FilteredByCountry_MatchesTheDocument(string country, int expected)
    {
        var json = await _client.GetJsonAsync($"/api/projects?country={country}&pageSize=100");

        Assert.Equal(expected, json.GetProperty("total").GetInt32());
        Assert.All(json.GetProperty("items").EnumerateArray(), item =>
            Assert.Contains(item.GetProperty("partners").EnumerateArray(), p => p.GetProperty("country").GetString() == country));
    }

    [Fact]
    public async Task Api_EveryCountry_MatchesTheSeedFile()
    {
        var expected = SeedFiles.Projects.SelectMany(SeedFiles.PartnerCountries).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        foreach (var (country, count) in expected)
        {
            var json = await _client.GetJsonAsync($"/api/projects?country={country}&pageSize=1");
            Assert.True(count == json.GetProperty("total").GetInt32(), $"{country}: expected {count}, got {json.GetProperty("total")}");
        }
    }

    [Fact]
    public async Task Api_AreaAndCountry_Combine()
    {
        var json = await _client.GetJsonAsync("/api/projects?area=transportation&country=PH");

        Assert.Equal(4, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Api_Year_ListsProjectsActiveThatYear()
    {
        var expected = SeedFiles.Projects.Count(p =>
            p.GetProperty("area").GetString() == "urban-railway"
            && p.GetProperty("startYear").GetInt32() <= 2017 && p.GetProperty("endYear").GetInt32() >= 2017);

        var json = await _client.GetJsonAsync("/api/projects?area=urban-railway&year=2017");

        Assert.Equal(7, expected);
        Assert.Equal(expected, json.GetProperty("total").GetInt32());
        Assert.All(json.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.True(item.GetProperty("startYear").GetInt32() <= 2017);
            Assert.True(item.GetProperty("endYear").GetInt32() >= 2017);
        });
    }

    [Fact]
    public async Task Api_ConcentrationWithoutArea_SpansAreasSharingTheSubArea()
    {
        var all = await _client.GetJsonAsync("/api/projects?concentration=capacity-building");
        var railway = await _client.GetJsonAsync("/api/projects?concentration=capacity-building&area=urban-railway");

        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal(2, railway.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("san jose", 1)]
    [InlineData("SAN JOSÉ", 1)]
    [InlineData("columbia", 4)]
    [InlineData("smartcard bus", 2)]
    [InlineData("kampala", 3)]
    public async Task Api_TextSearch_MatchesTitlesPartnersAndCountryNamesIgnoringCaseAndAccents(string q, int expected)
    {
        var json = await _client.GetJsonAsync($"/api/projects?q={Uri.EscapeDataString(q)}");

        Assert.Equal(expected, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Api_Item_HasTheDocumentedShape()
    {
        var json = await _client.GetJsonAsync("/api/projects?country=JO");
        var item = json.GetProperty("items")[0];

        Assert.Equal("Pre-consultation on Development of a Clean Construction System", item.GetProperty("title").GetString());
        Assert.Equal("e-government", item.GetProperty("area").GetString());
        Assert.Equal("e-Government System", item.GetProperty("areaName").GetString());
        Assert.Equal("construction-administration-system", item.GetProperty("concentration").GetString());
        Assert.Equal(2016, item.GetProperty("startYear").GetInt32());
        Assert.Equal(2017, item.GetProperty("endYear").GetInt32());
        var partners = item.GetProperty("partners").EnumerateArray().ToList();
        Assert.Equal(5, partners.Count);
        Assert.Equal("VN", partners[0].GetProperty("country").GetString());
        Assert.Equal("Vietnam", partners[0].GetProperty("countryName").GetString());
        Assert.Equal("Da Nang", partners[0].GetProperty("name").GetString());
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(20, json.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Api_ProjectsWithoutASingleCountry_HaveNoCountry()
    {
        var json = await _client.GetJsonAsync("/api/projects?q=developing+countries");
        var partner = json.GetProperty("items")[0].GetProperty("partners")[0];

        Assert.Equal(JsonValueKind.Null, partner.GetProperty("country").ValueKind);
        Assert.Equal("Developing countries", partner.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Api_Paging_SplitsTheResultWithoutLossOrOverlap()
    {
        var ids = new List<int>();
        for (var page = 1; page <= 5; page++)
        {
            var json = await _client.GetJsonAsync($"/api/projects?page={page}&sort=title");
            Assert.Equal(page, json.GetProperty("page").GetInt32());
            ids.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        }

        Assert.Equal(98, ids.Count);
        Assert.Equal(98, ids.Distinct().Count());
    }

    [Fact]
    public async Task Api_LastPage_HoldsTheRemainder()
    {
        var json = await _client.GetJsonAsync("/api/projects?page=5");

        Assert.Equal(18, json.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("oldest")]
    [InlineData("newest")]
    [InlineData("title")]
    public async Task Api_Sort_OrdersTheWholeResult(string sort)
    {
        var json = await _client.GetJsonAsync($"/api/projects?sort={sort}&pageSize=100");
        var items = json.GetProperty("items").EnumerateArray().ToList();

        for (var i = 1; i < items.Count; i++)
        {
            var previous = items[i - 1];
            var current = items[i];
            switch (sort)
            {
                case "oldest":
                    Assert.True(previous.GetProperty("startYear").GetInt32() <= current.GetProperty("startYear").GetInt32());
                    break;
                case "newest":
                    Assert.True(previous.GetProperty("startYear").GetInt32() >= current.GetProperty("startYear").GetInt32());
                    break;
                default:
                    Assert.True(string.Compare(previous.GetProperty("title").GetString(), current.GetProperty("title").GetString(),
                        StringComparison.OrdinalIgnoreCase) <= 0);
                    break;
            }
        }
    }

    [Fact]
    public async Task Page_ShowsFacetCountsUnderTheOtherFilters()
    {
        var document = await _client.GetDocumentAsync("/projects?area=transportation");

        var countryOption = document.QuerySelector("#project-country option[value=PH]");
        Assert.NotNull(countryOption);
        Assert.Contains("(4)", countryOption.TextContent);
        // The area facet ignores the chosen area: every area keeps its full count.
        Assert.Contains("(22)", document.QuerySelector("#project-area option[value=urban-railway]")!.TextContent);
        Assert.True(document.QuerySelector("#project-area option[value=transportation]")!.HasAttribute("selected"));
        // Only the chosen area's sub-areas are offered, each named with its area.
        Assert.NotNull(document.QuerySelector("#project-concentration option[value='transportation/intelligent-transportation-system']"));
        Assert.Null(document.QuerySelector("#project-concentration option[value='urban-railway/financing']"));
    }

    [Fact]
    public async Task Page_YearFacet_CountsProjectsActiveEachYear()
    {
        var document = await _client.GetDocumentAsync("/projects?area=urban-railway");

        Assert.Contains("(7)", document.QuerySelector("#project-year option[value='2017']")!.TextContent);
    }

    [Fact]
    public async Task Page_ShowsResultCountAndLinksThatReproduceTheView()
    {
        var document = await _client.GetDocumentAsync("/projects?area=transportation&sort=oldest");

        Assert.Contains("1–20 of 36", document.QuerySelector(".result-count")!.TextContent);
        var next = document.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("area=transportation", next);
        Assert.Contains("sort=oldest", next);
        Assert.Contains("page=2", next);

        var second = await _client.GetDocumentAsync(next);
        Assert.Contains("21–36 of 36", second.QuerySelector(".result-count")!.TextContent);
    }

    // A pager offers the first and last pages and two either side of the current one, not every page of a long list.
    [Fact]
    public async Task Pager_OffersAWindowOfPages_NotEveryPage()
    {
        var document = await _client.GetDocumentAsync("/projects?pageSize=1&page=50");

        var pages = document.QuerySelectorAll(".pager li").Select(li => li.TextContent.Replace("Page", "").Trim()).ToList();
        Assert.Equal(["Previous", "1", "…", "48", "49", "50", "51", "52", "…", "98", "Next"], pages);
        Assert.Equal("page", document.QuerySelector(".pager a[aria-current]")!.GetAttribute("aria-current"));
        Assert.Contains("page=50", document.QuerySelector(".pager a[aria-current]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(1, 7, new[] { 1, 2, 3, 0, 7 })]
    [InlineData(4, 7, new[] { 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(1, 5000, new[] { 1, 2, 3, 0, 5000 })]
    [InlineData(5, 9, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(6, 12, new[] { 1, 0, 4, 5, 6, 7, 8, 0, 12 })]
    [InlineData(5000, 5000, new[] { 1, 0, 4998, 4999, 5000 })]
    public void PageWindow_ShowsEndsAndNeighbours_WithGapsAsNull(int current, int count, int[] expected) =>
        Assert.Equal(expected.Select(p => p == 0 ? (int?)null : p), PageWindow.Around(current, count));

    [Fact]
    public async Task Page_ListsTheProjectsWithLinksToTheirPages()
    {
        var document = await _client.GetDocumentAsync("/projects?country=JO");

        var link = document.QuerySelector(".project-title a")!;
        Assert.Equal("Pre-consultation on Development of a Clean Construction System", link.TextContent.Trim());
        Assert.Matches(@"^/projects/\d+/pre-consultation-on-development-of-a-clean-construction-system$", link.GetAttribute("href"));
    }
}

/// <summary>
/// The catalogue answers from an index of its rows; these random filter combinations check it against the plainest
/// reading of the same rows (every item, filtered and ordered here), total, order and all.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class CatalogueIndexTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    private sealed record Item(int Id, string Title, string Area, string Concentration, string[] Countries, int StartYear, int EndYear);

    [Fact]
    public async Task RandomFilterCombinations_AnswerWhatFilteringEveryRowWouldAnswer()
    {
        var all = (await _client.GetJsonAsync("/api/projects?pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(i => new Item(i.GetProperty("id").GetInt32(), i.GetProperty("title").GetString()!, i.GetProperty("area").GetString()!,
                i.GetProperty("concentration").GetString()!,
                i.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("country").GetString()).OfType<string>().Distinct().ToArray(),
                i.GetProperty("startYear").GetInt32(), i.GetProperty("endYear").GetInt32()))
            .ToList();
        var random = new Random(14);
        string? Pick(IEnumerable<string> values) => random.Next(3) == 0 ? null : values.ElementAt(random.Next(values.Count()));

        for (var round = 0; round < 40; round++)
        {
            // Values are drawn from one random project each time, so most combinations match a few projects, some none.
            var a = all[random.Next(all.Count)];
            var b = all[random.Next(all.Count)];
            var area = Pick([a.Area]);
            var concentration = random.Next(4) == 0 ? b.Concentration : null;
            var country = a.Countries.Length > 0 ? Pick(a.Countries.Concat(b.Countries)) : null;
            int? year = random.Next(2) == 0 ? random.Next(b.StartYear, b.EndYear + 1) : null;
            var sort = new[] { "newest", "oldest", "title" }[random.Next(3)];
            var expected = all
                .Where(p => (area is null || p.Area == area) && (concentration is null || p.Concentration == concentration)
                    && (country is null || p.Countries.Contains(country)) && (year is null || (p.StartYear <= year && p.EndYear >= year)));
            expected = sort switch
            {
                "oldest" => expected.OrderBy(p => p.StartYear).ThenBy(p => p.EndYear).ThenBy(p => p.Id),
                "title" => expected.OrderBy(p => AsciiLower(p.Title), StringComparer.Ordinal).ThenBy(p => p.Id),
                _ => expected.OrderByDescending(p => p.StartYear).ThenByDescending(p => p.EndYear).ThenByDescending(p => p.Id),
            };

            var query = string.Join("&", new[]
            {
                area is null ? null : $"area={area}", concentration is null ? null : $"concentration={concentration}",
                country is null ? null : $"country={country}", year is null ? null : $"year={year}", $"sort={sort}", "pageSize=100",
            }.OfType<string>());
            var answer = await _client.GetJsonAsync($"/api/projects?{query}");

            Assert.True(expected.Select(p => p.Id).SequenceEqual(answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())),
                $"/api/projects?{query}");
            Assert.Equal(expected.Count(), answer.GetProperty("total").GetInt32());

            await AssertFacetsAndSummaryAsync(all, new ProjectFilter(area, concentration, country, year));
        }
    }

    // Each facet counts the projects that pass every other filter; the summary (map and charts) counts the matching ones.
    private async Task AssertFacetsAndSummaryAsync(List<Item> all, ProjectFilter filter)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ProjectCatalogue>().QueryAsync(filter, withFacets: true, CancellationToken.None);
        var f = page.Filter;
        bool Passes(Item p, string? ignore) =>
            (ignore == "area" || f.Area is null || p.Area == f.Area) && (ignore == "concentration" || f.Concentration is null || p.Concentration == f.Concentration)
            && (ignore == "country" || f.Country is null || p.Countries.Contains(f.Country))
            && (ignore == "year" || f.Year is null || (p.StartYear <= f.Year && p.EndYear >= f.Year));
        SortedDictionary<string, int> Counted(IEnumerable<string> values) => new(values.CountBy(v => v).ToDictionary(), StringComparer.Ordinal);
        SortedDictionary<string, int> Shown(IEnumerable<(string Value, int Count)> counts) =>
            new(counts.Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Count), StringComparer.Ordinal);
        IEnumerable<string> Years(Item p) => Enumerable.Range(p.StartYear, p.EndYear - p.StartYear + 1).Select(y => y.ToString());
        var what = $"{f} facets";

        Assert.Equal(Counted(all.Where(p => Passes(p, "area")).Select(p => p.Area)), Shown(page.Facets.Areas.Select(v => (v.Value, v.Count))));
        Assert.Equal(Counted(all.Where(p => Passes(p, "concentration") && (f.Area is null || p.Area == f.Area)).Select(p => $"{p.Area}/{p.Concentration}")),
            Shown(page.Facets.Concentrations.Where(c => c.Value.Contains('/')).Select(v => (v.Value, v.Count))));
        Assert.Equal(Counted(all.Where(p => Passes(p, "country")).SelectMany(p => p.Countries)), Shown(page.Facets.Countries.Select(v => (v.Value, v.Count))));
        Assert.Equal(Counted(all.Where(p => Passes(p, "year")).SelectMany(Years)), Shown(page.Facets.Years.Select(v => (v.Value, v.Count))));

        var matching = all.Where(p => Passes(p, null)).ToList();
        var summary = page.Facets.Summary;
        Assert.True(matching.Count == summary.Total, what);
        Assert.Equal(Counted(matching.SelectMany(p => p.Countries)), Shown(summary.Countries.Select(c => (c.Value, c.Count))));
        Assert.Equal(Counted(matching.Select(p => p.Area)), Shown(summary.Areas.Select(a => (a.Value, a.Count))));
        Assert.Equal(matching.Count(p => p.Countries.Length == 0), summary.WithoutCountry);
        Assert.Equal(matching.SelectMany(Years).Distinct().Select(int.Parse).Order(), summary.Years.Where(y => y.Total > 0).Select(y => y.Year));
        Assert.All(summary.Years, y => Assert.Equal(matching.Count(p => p.StartYear <= y.Year && p.EndYear >= y.Year), y.Total));
        Assert.All(summary.Years, y => Assert.Equal(y.Total, y.PerArea.Sum()));
    }

    private static string AsciiLower(string text) => new(text.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c).ToArray());
}
