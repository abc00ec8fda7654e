using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Tests.TakeAway;

/// <summary>A download holds exactly the rows the page and the API count, for the same filters, and opens as what it says it is.</summary>
[Collection(SharedPortal.Name)]
public sealed class ExportTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    // A download is built whole in memory, so an instance builds only a few at a time and queues the rest.
    [Fact]
    public void EveryDownload_IsBuiltUnderTheExportsConcurrencyLimit()
    {
        var downloads = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerName == "Exports")
            .ToList();

        Assert.Equal(6, downloads.Count);
        Assert.All(downloads, e => Assert.Equal(TakeAwaySetup.ExportsPolicy, e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName));
    }

    public static TheoryData<string> ProjectFilters =>
    [
        "",
        "area=e-government&country=UG",
        "country=VN",
        "year=2018&sort=title",
        "area=transportation&concentration=transit-smart-card-system",
        "q=water&sort=oldest",
        "country=AR&year=1950",
    ];

    public static TheoryData<string> CityFilters => ["", "region=europe", "type=sister&country=JP", "q=san", "region=oceania&type=friendship"];

    [Theory]
    [MemberData(nameof(ProjectFilters))]
    public async Task ProjectExports_HoldExactlyTheProjectsThePageAndTheApiCount(string filters)
    {
        var apiIds = new List<int>();
        int total;
        var pageNumber = 1;
        do
        {
            var apiPage = await _client.GetJsonAsync($"/api/projects?{filters}&pageSize=100&page={pageNumber++}");
            total = apiPage.GetProperty("total").GetInt32();
            apiIds.AddRange(apiPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        }
        while (apiIds.Count < total);
        var page = await _client.GetDocumentAsync($"/projects?{filters}");
        var pageCount = page.QuerySelector(".result-count")!.TextContent;
        Assert.True(total switch
        {
            0 => pageCount.Contains("No project matches these filters."),
            1 => pageCount.Contains("Showing 1 project"),
            _ => pageCount.Contains($"all {total:N0} projects") || pageCount.Contains($"of {total:N0} projects"),
        }, $"{total} projects, but the page says: {pageCount.Trim()}");

        var csv = Downloads.ReadCsv(await _client.GetFileAsync($"/projects.csv?{filters}"));
        var xlsx = Downloads.ReadXlsx(await _client.GetFileAsync($"/projects.xlsx?{filters}"));
        var json = JsonDocument.Parse(await _client.GetFileAsync($"/projects.json?{filters}")).RootElement;

        // The same projects in the same order: the page's order.
        Assert.Equal(apiIds, csv.Rows.Select(r => int.Parse(r[0])));
        Assert.Equal(apiIds, xlsx.DataRows.Select(r => int.Parse(Downloads.Text(r[0]))));
        Assert.Equal(total, json.GetProperty("total").GetInt32());
        Assert.Equal(apiIds, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.True(xlsx.ValidationErrors.Count == 0, string.Join("\n", xlsx.ValidationErrors));
    }

    [Theory]
    [MemberData(nameof(CityFilters))]
    public async Task CityExports_HoldExactlyTheCitiesThePageAndTheApiCount(string filters)
    {
        var api = await _client.GetJsonAsync($"/api/cities?{filters}");
        var apiIds = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        var page = await _client.GetDocumentAsync($"/cities?{filters}");
        Assert.Contains(apiIds.Count == 1 ? "1 city matches." : $"{apiIds.Count:N0} cities match.", page.QuerySelector(".result-count")!.TextContent);
        Assert.Equal(apiIds.Count, page.QuerySelectorAll(".region table.labelled-cells tbody tr").Length);

        var csv = Downloads.ReadCsv(await _client.GetFileAsync($"/cities.csv?{filters}"));
        var xlsx = Downloads.ReadXlsx(await _client.GetFileAsync($"/cities.xlsx?{filters}"));
        var json = JsonDocument.Parse(await _client.GetFileAsync($"/cities.json?{filters}")).RootElement;

        Assert.Equal(apiIds, csv.Rows.Select(r => int.Parse(r[0])));
        Assert.Equal(apiIds, xlsx.DataRows.Select(r => int.Parse(Downloads.Text(r[0]))));
        Assert.Equal(apiIds, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.True(xlsx.ValidationErrors.Count == 0, string.Join("\n", xlsx.ValidationErrors));
    }

    [Fact]
    public async Task ProjectsCsv_IsUtf8WithAByteOrderMarkCrlfAndTheListedColumns()
    {
        using var response = await _client.GetAsync("/projects.csv?area=e-government&country=UG");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("seoul-projects-e-government-UG.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Id,Title,Area,Sub-area,Start year,End year,Partners,Country codes,URL\r\n", text);
        Assert.DoesNotContain("\r\n\r\n", text);

        var (header, rows) = Downloads.ReadCsv(bytes);
        Assert.Equal(9, header.Count);
        Assert.Equal(3, rows.Count);
        var row = rows.Single(r => r[1] == "Developing a Master Plan on e-Government System for Kampala, Uganda");
        Assert.Equal(["e-Government System", "e-Government in General", "2018", "2019", "Kampala (Uganda)", "UG"], row[2..8]);
        Assert.Matches(@"^http://localhost/projects/\d+/developing-a-master-plan-on-e-government-system-for-kampala-uganda$", row[8]);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri(row[8]).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task ProjectsCsv_KeepsAccentedNames()
    {
        var (_, rows) = Downloads.ReadCsv(await _client.GetFileAsync("/projects.csv?country=CR"));

        Assert.Contains(rows, r => r[6] == "San José (Costa Rica)");
    }

    [Fact]
    public async Task CitiesCsv_StatesEveryListedColumn()
    {
        var (header, rows) = Downloads.ReadCsv(await _client.GetFileAsync("/cities.csv"));

        Assert.Equal(["Id", "City", "Country code", "Country", "Region", "Relationship", "Since"], header);
        Assert.Equal(SeedFiles.Cities.Count(), rows.Count);
        var seedNames = SeedFiles.Cities.Select(c => c.GetProperty("name").GetString()).ToHashSet();
        Assert.All(rows, r => Assert.Contains(r[1], seedNames));
        Assert.All(rows, r => Assert.Contains(r[5], new[] { "Sister city", "Friendship city" }));
    }

    [Fact]
    public async Task ProjectsXlsx_HasAFrozenFilteredHeaderNumericYearsLinksAndAnAboutSheet()
    {
        using var response = await _client.GetAsync("/projects.xlsx?area=e-government&country=UG&page=2&pageSize=1");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("seoul-projects-e-government-UG.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var book = Downloads.ReadXlsx(await response.Content.ReadAsByteArrayAsync());

        Assert.True(book.ValidationErrors.Count == 0, string.Join("\n", book.ValidationErrors));
        Assert.Equal(["Projects", "About"], book.SheetNames);
        Assert.Equal("A2", book.FrozenTopLeft);
        Assert.Equal("A1:I4", book.AutoFilter);
        // Paging is ignored: all three projects, not the second page of one.
        Assert.Equal(3, book.DataRows.Count);
        Assert.All(book.DataRows, row =>
        {
            Assert.Equal(CellValues.Number, row[4].DataType!.Value);
            Assert.InRange(int.Parse(row[4].CellValue!.Text), 2000, 2030);
            Assert.Equal(CellValues.Number, row[5].DataType!.Value);
            Assert.Equal(Downloads.Text(row[8]), book.Hyperlinks[row[8].CellReference!.Value!]);
        });
        Assert.Contains("Area: e-Government System", book.About["Filters"]);
        Assert.Contains("Country: Uganda", book.About["Filters"]);
        Assert.Equal("3", book.About["Rows"]);
        Assert.StartsWith("Seoul Policy Portal", book.About["Source"]);
        Assert.Equal("http://localhost/projects?area=e-government&country=UG", book.About["Page"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$", book.About["Data last changed"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$", book.About["Downloaded"]);
    }

    [Theory]
    [InlineData("/projects.csv?area=no-such-area", "/api/projects?area=no-such-area")]
    [InlineData("/projects.xlsx?year=12345&country=Vietnam", "/api/projects?year=12345&country=Vietnam")]
    [InlineData("/projects.json?sort=cheapest&country=ZZ", "/api/projects?sort=cheapest&country=ZZ")]
    [InlineData("/cities.csv?region=atlantis", "/api/cities?region=atlantis")]
    [InlineData("/cities.xlsx?type=cousin", "/api/cities?type=cousin")]
    [InlineData("/cities.json?country=XX", "/api/cities?country=XX")]
    public async Task Export_WithBadFilters_IsTheApisProblemDetailsNotAFile(string export, string api)
    {
        using var exported = await _client.GetAsync(export);
        using var answered = await _client.GetAsync(api);

        Assert.Equal(HttpStatusCode.BadRequest, exported.StatusCode);
        Assert.Equal("application/problem+json", exported.Content.Headers.ContentType!.MediaType);
        Assert.Null(exported.Content.Headers.ContentDisposition);
        Assert.False(exported.Headers.Contains("ETag"));
        Assert.Equal(await answered.Content.ReadAsStringAsync(), await exported.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProjectsJson_NamesItsFiltersAndGivesEachProjectItsAddress()
    {
        using var response = await _client.GetAsync("/projects.json?country=vn&sort=title");
        Assert.Equal("seoul-projects-VN.json", response.Content.Headers.ContentDisposition!.FileNameStar);
        var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement;

        Assert.Equal("VN", json.GetProperty("filters").GetProperty("country").GetString());
        Assert.Equal("title", json.GetProperty("filters").GetProperty("sort").GetString());
        Assert.Equal("http://localhost/projects?country=VN&sort=title", json.GetProperty("pageUrl").GetString());
        Assert.All(json.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Contains("VN", item.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
            Assert.StartsWith($"http://localhost/projects/{item.GetProperty("id").GetInt32()}/", item.GetProperty("url").GetString());
        });
    }
}
