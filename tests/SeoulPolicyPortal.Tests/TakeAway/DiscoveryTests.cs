using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Tests.TakeAway;

/// <summary>The sitemap, robots.txt, and what every public page tells search engines and link previews.</summary>
[Collection(SharedPortal.Name)]
public sealed class DiscoveryTests(PortalFactory portal)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly HttpClient _client = portal.CreatePortalClient();

    [Fact]
    public async Task Sitemap_ListsEveryPublicPageAndEachAnswers200()
    {
        using var response = await _client.GetAsync("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var urls = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(Sitemap + "url")
            .Select(u => (Loc: u.Element(Sitemap + "loc")!.Value, LastMod: u.Element(Sitemap + "lastmod")!.Value))
            .ToList();

        var countries = (await _client.GetDocumentAsync("/countries")).QuerySelectorAll("tbody th a").Length;
        // Every page once in each of the three languages.
        Assert.Equal(3 * (7 + 98 + countries), urls.Count);
        Assert.Equal(urls.Count, urls.Select(u => u.Loc).Distinct().Count());
        foreach (var path in new[] { "/", "/cities", "/projects", "/countries", "/changes", "/api", "/about-data", "/countries/VN" })
        {
            Assert.Contains("http://localhost" + path, urls.Select(u => u.Loc));
        }

        foreach (var (loc, lastMod) in urls)
        {
            Assert.StartsWith("http://localhost/", loc);
            Assert.True(DateTime.TryParseExact(lastMod, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _), lastMod);
            using var page = await _client.GetAsync(new Uri(loc).PathAndQuery);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{loc} answered {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task Sitemap_OfMorePagesThanAFileMayHold_IsAnIndexOfPartsThatTogetherListEveryPage()
    {
        var whole = Locs(XDocument.Parse(await _client.GetStringAsync("/sitemap.xml")), "url");
        using var small = portal.WithWebHostBuilder(builder => builder.UseSetting("Portal:SitemapPagesPerFile", "40"));
        var client = small.CreateClient();

        var parts = Locs(XDocument.Parse(await client.GetStringAsync("/sitemap.xml")), "sitemap");
        var listed = new List<string>();
        foreach (var part in parts)
        {
            listed.AddRange(Locs(XDocument.Parse(await client.GetStringAsync(new Uri(part).PathAndQuery)), "url"));
        }

        Assert.Equal((whole.Count / 3 + 39) / 40, parts.Count);
        Assert.Equal("http://localhost/sitemaps/1.xml", parts[0]);
        Assert.Equal(whole, listed);
        using var past = await client.GetAsync($"/sitemaps/{parts.Count + 1}.xml");
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        using var unsplit = await _client.GetAsync("/sitemaps/1.xml");
        Assert.Equal(HttpStatusCode.NotFound, unsplit.StatusCode);

        static List<string> Locs(XDocument document, string element) =>
            document.Root!.Elements(Sitemap + element).Select(e => e.Element(Sitemap + "loc")!.Value).ToList();
    }

    [Fact]
    public async Task Robots_PointsToTheSitemapAndKeepsCrawlersOutOfTheAdminArea()
    {
        var robots = await _client.GetStringAsync("/robots.txt");

        Assert.Contains("User-agent: *\n", robots);
        Assert.Contains("Disallow: /admin\n", robots);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
    }

    public static TheoryData<string, string> Canonicals => new()
    {
        { "/", "/" },
        { "/projects?sort=newest&country=vn&area=transportation&page=1&pageSize=20", "/projects?area=transportation&country=VN" },
        { "/projects?year=2018&q=%20water%20&sort=title", "/projects?year=2018&q=water&sort=title" },
        { "/projects?area=no-such-area", "/projects" },
        { "/cities?type=SISTER&region=europe", "/cities?region=europe&type=sister" },
        { "/countries", "/countries" },
        { "/countries/VN", "/countries/VN" },
        { "/changes?page=1", "/changes" },
        { "/api", "/api" },
    };

    [Theory]
    [MemberData(nameof(Canonicals))]
    public async Task PublicPage_HasACanonicalAddressAndSharingMetadata(string path, string canonical)
    {
        var page = await _client.GetDocumentAsync(path);
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");

        var link = Assert.Single(page.QuerySelectorAll("link[rel=canonical]"));
        Assert.Equal("http://localhost" + canonical, link.GetAttribute("href"));
        Assert.Equal(link.GetAttribute("href"), Meta("meta[property='og:url']"));
        Assert.Equal("Seoul Policy Portal", Meta("meta[property='og:site_name']"));
        Assert.Equal(page.Title!.Split(" · ")[0], Meta("meta[property='og:title']"));
        Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:description']")));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.Equal(Meta("meta[property='og:title']"), Meta("meta[name='twitter:title']"));
        var organization = StructuredData(page).First();
        Assert.Equal("GovernmentOrganization", organization.GetProperty("@type").GetString());
        Assert.Equal("http://localhost/", organization.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Catalogue_OffersItsFilteredViewAsDownloadsAFeedAndADataset()
    {
        var page = await _client.GetDocumentAsync("/projects?country=UG&area=e-government");

        var downloads = page.QuerySelectorAll(".downloads a[download]").ToList();
        Assert.Equal(["Download these 3 projects as CSV", "Download these 3 projects as Excel", "Download these 3 projects as JSON"],
            downloads.Select(a => a.TextContent.Trim()));
        Assert.Equal(["/projects.csv?area=e-government&country=UG", "/projects.xlsx?area=e-government&country=UG", "/projects.json?area=e-government&country=UG"],
            downloads.Select(a => a.GetAttribute("href")));
        Assert.Equal("/feed.atom?kind=projects&area=e-government&country=UG",
            page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".downloads a[href='/feed.atom?kind=projects&area=e-government&country=UG']"));

        var dataset = StructuredData(page).Single(d => d.GetProperty("@type").GetString() == "Dataset");
        Assert.Equal("http://localhost/projects?area=e-government&country=UG", dataset.GetProperty("url").GetString());
        Assert.Equal(downloads.Select(a => "http://localhost" + a.GetAttribute("href")),
            dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
        Assert.Equal(["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json"],
            dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("encodingFormat").GetString()));
    }

    [Fact]
    public async Task Directory_OffersItsFilteredViewAsDownloadsAndAFeed()
    {
        var page = await _client.GetDocumentAsync("/cities?region=europe");
        var count = page.QuerySelectorAll(".region table.labelled-cells tbody tr").Length;

        Assert.Equal($"Download these {count} cities as CSV", page.QuerySelector(".downloads a[download]")!.TextContent.Trim());
        Assert.Equal("/cities.csv?region=europe", page.QuerySelector(".downloads a[download]")!.GetAttribute("href"));
        Assert.Equal("/feed.atom?kind=cities", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public void StructuredData_CannotCloseItsScriptElement()
    {
        var hostile = new DatasetMeta("</script><script>alert(1)</script>", "<!-- & ' \"", [("text/csv", "/projects.csv?q=</script>")]);

        var json = SeoulPolicyPortal.Web.Features.Shared.StructuredData.Dataset(hostile, "http://localhost/x", "http://localhost", u => "http://localhost" + u);

        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.Equal("</script><script>alert(1)</script>", JsonDocument.Parse(json).RootElement.GetProperty("name").GetString());
    }

    private static IEnumerable<JsonElement> StructuredData(IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement);
}

/// <summary>With Portal:PublicUrl set, absolute links use it whatever Host header a request carries.</summary>
public sealed class PublicAddressTests
{
    private sealed class ConfiguredPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(PublicAddress.Setting, "https://policy.example.org");
            // Host filtering would refuse the forged host with a 400 first; this portal shows the address holds without it.
            builder.UseSetting("AllowedHosts", "*");
        }
    }

    [Fact]
    public async Task ConfiguredAddress_IsUsedForCanonicalLinksDownloadsFeedsAndTheSitemap()
    {
        using var portal = new ConfiguredPortal();
        var client = portal.CreatePortalClient();
        client.DefaultRequestHeaders.Host = "attacker.example";

        var page = await client.GetDocumentAsync("/projects?country=VN");
        Assert.Equal("https://policy.example.org/projects?country=VN", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var (_, rows) = Downloads.ReadCsv(await client.GetFileAsync("/projects.csv?country=VN"));
        Assert.All(rows, r => Assert.StartsWith("https://policy.example.org/projects/", r[8]));
        Assert.Contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://policy.example.org/feed.atom\" />", await client.GetStringAsync("/feed.atom"));
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.DoesNotContain("attacker.example", sitemap);
        Assert.Contains("<loc>https://policy.example.org/projects</loc>", sitemap);
        Assert.Contains("Sitemap: https://policy.example.org/sitemap.xml", await client.GetStringAsync("/robots.txt"));
    }

    [Theory]
    [InlineData("policy.example.org")]
    [InlineData("ftp://policy.example.org")]
    [InlineData("https://policy.example.org/portal")]
    [InlineData("https://policy.example.org/?x=1")]
    public void ConfiguredAddress_ThatIsNotAnOrigin_StopsStartUp(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(PublicAddress.Setting, value)]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new PublicAddress(configuration));
        Assert.Contains(PublicAddress.Setting, error.Message);
    }
}
