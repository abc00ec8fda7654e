using System.Text.Json;

namespace SeoulPolicyPortal.Tests.Cities;

[Collection(SharedPortal.Name)]
public sealed class DirectoryTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    [Fact]
    public async Task Api_ListsEveryCityOfTheSeedFile()
    {
        var json = await _client.GetJsonAsync("/api/cities");

        Assert.Equal(SeedFiles.Cities.Count(), json.GetProperty("total").GetInt32());
        Assert.Equal(json.GetProperty("total").GetInt32(), json.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("sister", 23)]
    [InlineData("friendship", 30)]
    public async Task Api_FilteredByType_CountsTheListedCities(string type, int expected)
    {
        var json = await _client.GetJsonAsync($"/api/cities?type={type}");

        Assert.Equal(expected, json.GetProperty("total").GetInt32());
        Assert.All(json.GetProperty("items").EnumerateArray(), c => Assert.Equal(type, c.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Api_RegionAndType_Combine()
    {
        var json = await _client.GetJsonAsync("/api/cities?region=asia&type=sister");

        Assert.Equal(9, json.GetProperty("total").GetInt32());
        Assert.All(json.GetProperty("items").EnumerateArray(), c => Assert.Equal("asia", c.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task Api_Item_HasTheDocumentedShape()
    {
        var json = await _client.GetJsonAsync("/api/cities?q=taipei");
        var taipei = json.GetProperty("items")[0];

        Assert.Equal("Taipei", taipei.GetProperty("name").GetString());
        Assert.Equal("TW", taipei.GetProperty("country").GetString());
        Assert.Equal("asia", taipei.GetProperty("region").GetString());
        Assert.Equal("sister", taipei.GetProperty("type").GetString());
        Assert.Equal(1968, taipei.GetProperty("since").GetInt32());
        Assert.True(taipei.GetProperty("id").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(taipei.GetProperty("countryName").GetString()));
    }

    [Fact]
    public async Task Api_CountryAndText_Filter()
    {
        var italy = await _client.GetJsonAsync("/api/cities?country=it");
        var denmark = await _client.GetJsonAsync("/api/cities?q=denmark");
        var sinceUnknown = await _client.GetJsonAsync("/api/cities?q=rome");

        Assert.Equal(["Lombardy", "Milan", "Rome"], italy.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        Assert.Equal(2, denmark.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, sinceUnknown.GetProperty("items")[0].GetProperty("since").ValueKind);
    }

    [Theory]
    [InlineData("region=mars")]
    [InlineData("type=enemy")]
    [InlineData("country=XX")]
    [InlineData("country=Italy")]
    public async Task Api_BadFilter_Is400(string query)
    {
        using var response = await _client.GetAsync($"/api/cities?{query}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Page_GroupsByRegionAndShowsDeclaredBesideListedTotals()
    {
        var document = await _client.GetDocumentAsync("/cities");

        var regions = document.QuerySelectorAll("section.region").ToList();
        Assert.Equal(["Asia", "Europe", "Oceania", "Africa & Middle East", "Americas"], regions.Select(r => r.QuerySelector("h2")!.TextContent));
        Assert.Contains("24 partner cities, 12 listed here", regions[0].QuerySelector(".region-count")!.TextContent);
        Assert.Contains("14 partner cities, 8 listed here", regions[4].QuerySelector(".region-count")!.TextContent);
        Assert.Contains("1968", regions[0].TextContent);
    }

    [Fact]
    public async Task Page_NarrowedToRegionAndType_ShowsOnlyThose()
    {
        var document = await _client.GetDocumentAsync("/cities?region=europe&type=sister");

        var rows = document.QuerySelectorAll("section.region tbody tr").ToList();
        Assert.Single(document.QuerySelectorAll("section.region"));
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Contains("Sister city", r.TextContent));
        Assert.True(document.QuerySelector("#city-region option[value=europe]")!.HasAttribute("selected"));
    }

    [Fact]
    public async Task Page_UnknownRegion_SaysSoAndShowsAllRegions()
    {
        var document = await _client.GetDocumentAsync("/cities?region=mars");

        Assert.Contains("mars", document.QuerySelector(".notice")!.TextContent);
        Assert.Equal(5, document.QuerySelectorAll("section.region").Length);
    }
}
