using System.Net;
using System.Text.RegularExpressions;

namespace SeoulPolicyPortal.Tests.Graphics;

/// <summary>The public pages say only what the source supports, keep unlike things apart, and read well in words.</summary>
[Collection(SharedPortal.Name)]
public sealed class PublicPagesTidyTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    [Fact]
    public async Task CityDirectory_NamesTheSourcesFiveRegions_AndKeepsTranscriptionRemarksOutOfTheRows()
    {
        var document = await _client.GetDocumentAsync("/cities");

        var lead = document.QuerySelector(".lead")!.TextContent;
        Assert.DoesNotContain("every continent", lead);
        Assert.Contains("five regions: Asia, Europe, Oceania, Africa & Middle East, Americas", lead);
        var table = string.Concat(document.QuerySelectorAll("section.region table").Select(t => t.TextContent));
        Assert.DoesNotContain("not stated", table);
        Assert.DoesNotContain("From the overview prose", table);
        Assert.Contains("Sister city, since 1968", table);
        // On a phone the stacked cells say which column they are.
        Assert.All(document.QuerySelectorAll("section.region tbody td"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label"))));
    }

    [Fact]
    public async Task Overview_DoesNotSetTheSourcesSixtyFiveCitiesBesideTheNamedPartners()
    {
        var document = await _client.GetDocumentAsync("/");

        var figure = document.QuerySelectorAll(".figure").Single(f => f.TextContent.Contains("Partners named in the project list"));
        Assert.Equal("67", figure.QuerySelector(".figure-value")!.TextContent);
        Assert.DoesNotContain("65 stated in the source", figure.TextContent);
        Assert.Contains("not the same count", figure.TextContent);
    }

    [Fact]
    public async Task SubAreaFilter_KeepsTwoAreasCapacityBuildingApart_AndOldLinksStillWork()
    {
        var all = await _client.GetDocumentAsync("/projects");
        var options = all.QuerySelectorAll("#project-concentration optgroup")
            .SelectMany(g => g.QuerySelectorAll("option").Select(o => (Area: g.GetAttribute("label"), Value: o.GetAttribute("value"), Text: o.TextContent)))
            .Where(o => o.Text.StartsWith("Capacity Building", StringComparison.Ordinal))
            .ToList();
        Assert.Equal([("e-Government System", "e-government/capacity-building"), ("Urban Railway", "urban-railway/capacity-building")],
            options.Select(o => (o.Area, o.Value)).ToList());

        var railway = await _client.GetJsonAsync("/api/projects?concentration=urban-railway/capacity-building");
        Assert.Equal(2, railway.GetProperty("total").GetInt32());
        Assert.All(railway.GetProperty("items").EnumerateArray(), i => Assert.Equal("urban-railway", i.GetProperty("area").GetString()));
        var page = await _client.GetDocumentAsync("/projects?concentration=urban-railway/capacity-building");
        Assert.Contains("Showing all 2 projects", page.QuerySelector(".result-count")!.TextContent);
        Assert.NotNull(page.QuerySelector("#project-area option[value=urban-railway][selected]"));

        var old = await _client.GetJsonAsync("/api/projects?concentration=capacity-building");
        Assert.Equal(4, old.GetProperty("total").GetInt32());
        using var conflicting = await _client.GetAsync("/api/projects?area=transportation&concentration=urban-railway/capacity-building");
        Assert.Equal(HttpStatusCode.BadRequest, conflicting.StatusCode);
    }

    [Theory]
    [InlineData("/projects?q=san+jose", "Showing 1 project")]
    [InlineData("/projects?area=transportation&country=PH", "Showing all 4 projects")]
    [InlineData("/projects", "Showing 1–20 of 98 projects")]
    [InlineData("/cities?country=FR", "1 city matches.")]
    [InlineData("/cities?country=CN", "3 cities match.")]
    public async Task ResultCounts_AreSingularForOneAndPluralOtherwise(string path, string expected)
    {
        var document = await _client.GetDocumentAsync(path);

        Assert.Equal(expected, document.QuerySelector(".result-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task CatalogueFilters_FoldIntoADisclosureThatNamesTheActiveFilters()
    {
        var document = await _client.GetDocumentAsync("/projects?area=transportation&country=PH");

        var panel = document.QuerySelector("details.filter-panel")!;
        Assert.False(panel.HasAttribute("open"));
        Assert.NotNull(panel.QuerySelector("form[role=search]"));
        Assert.Equal("2 filters on: Area: Transportation; Country: Philippines", panel.QuerySelector(".filter-panel-active")!.TextContent.Trim());
    }

    [Fact]
    public async Task RegionFilter_NarrowsToProjectsWithAPartnerInTheRegion()
    {
        var europe = await _client.GetJsonAsync("/api/projects?region=europe&pageSize=100");

        Assert.Equal(6, europe.GetProperty("total").GetInt32());
        using var unknown = await _client.GetAsync("/api/projects?region=atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var page = await _client.GetDocumentAsync("/projects?region=atlantis");
        Assert.Contains("atlantis", page.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task Countries_AreGroupedByTheSourcesRegions()
    {
        var document = await _client.GetDocumentAsync("/countries");

        Assert.Equal(["Asia", "Europe", "Oceania", "Africa & Middle East", "Americas"],
            document.QuerySelectorAll("section.region h2").Select(h => h.TextContent).ToList());
        Assert.NotNull(document.QuerySelector("#region-asia a[href='/countries/VN']"));
        Assert.NotNull(document.QuerySelector("#region-europe a[href='/countries/TR']"));
    }

    [Fact]
    public async Task AboutTheData_ExplainsTheSourceItsGapsAndTheRepairs()
    {
        var document = await _client.GetDocumentAsync("/about-data");
        var text = Regex.Replace(document.QuerySelector("main")!.TextContent, @"\s+", " ");

        Assert.Contains("“Urban Railway” is the portal’s name for it, reconstructed", text);
        Assert.Contains("the sub-area “Construction Administration System” declares 2 but lists 3", text);
        Assert.Contains("Shanghai", text);
        Assert.Contains("Ho Chi Minh City", text);
        Assert.Contains("Ottawa", text);
        Assert.Contains("Shandong, Lombardy, New South Wales", text);
        Assert.Contains("GeoNames", text);
        Assert.Contains("CC BY 4.0", text);
    }

    [Fact]
    public async Task ProjectPage_ExplainsItsAreaAndPartners_WithoutInventingAnything()
    {
        var document = await _client.GetDocumentAsync("/projects/48/pre-consultation-on-development-of-a-clean-construction-system");
        var text = Regex.Replace(document.QuerySelector("main")!.TextContent, @"\s+", " ");

        Assert.Contains("one of 17 projects listed under e-Government System", text);
        Assert.Contains("The source declares 16.", text);
        Assert.Contains("the sub-area “Construction Administration System” lists 3 projects. The source declares 2.", text);
        Assert.Contains("Kampala is one of Seoul’s friendship cities.", text);
        Assert.Equal(5, document.QuerySelectorAll("#project-map svg .overlay path.highlight").Length);
        Assert.NotNull(document.QuerySelector("h2#country-VN-heading"));

        var railway = await _client.GetDocumentAsync("/projects?area=urban-railway&pageSize=1");
        var railwayProject = railway.QuerySelector(".project-title a")!.GetAttribute("href")!;
        var railwayPage = await _client.GetDocumentAsync(railwayProject);
        var railwayText = Regex.Replace(railwayPage.QuerySelector("main")!.TextContent, @"\s+", " ");
        Assert.Contains("reconstructed from its sub-areas", railwayText);
        Assert.Contains("The source gives no count for it.", railwayText);
    }
}
