using System.Net;

namespace SeoulPolicyPortal.Tests.Countries;

[Collection(SharedPortal.Name)]
public sealed class CountryPageTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    [Fact]
    public async Task CountryPage_ShowsPartnerCitiesAndProjectsThere()
    {
        var document = await _client.GetDocumentAsync("/countries/VN");

        Assert.Equal("Vietnam", document.QuerySelector("h1")!.TextContent);
        var cities = document.QuerySelectorAll(".city-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, cities.Count);
        Assert.Contains(cities, c => c.Contains("Hanoi") && c.Contains("Sister city"));
        Assert.Equal(11, document.QuerySelectorAll(".project-card").Length);
    }

    [Fact]
    public async Task CountryPage_CountryWithCitiesButNoProjects_SaysSo()
    {
        var document = await _client.GetDocumentAsync("/countries/FR");

        Assert.Contains("Paris", document.QuerySelector(".city-list")!.TextContent);
        Assert.Empty(document.QuerySelectorAll(".project-card"));
        Assert.Contains("No project", document.QuerySelector("#projects-heading")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task CountryPage_LowerCaseCode_RedirectsToUpperCase()
    {
        using var response = await _client.GetAsync("/countries/vn");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/countries/VN", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/countries/ZZ")]
    [InlineData("/countries/VNM")]
    [InlineData("/countries/1")]
    public async Task CountryPage_UnknownCode_Is404(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CountryIndex_ListsCountriesWithTheirCounts()
    {
        var document = await _client.GetDocumentAsync("/countries");

        var vietnam = document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Vietnam");
        Assert.Equal(["2", "11"], vietnam.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(SeedFiles.Read("countries.json").GetArrayLength(), document.QuerySelectorAll("tbody tr").Length);
    }
}
