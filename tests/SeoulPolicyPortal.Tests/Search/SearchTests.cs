using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Search;

/// <summary>One full-text index: every language, the source's spellings, prefixes, relevance, safe highlighting.</summary>
[Collection(SharedPortal.Name)]
public sealed class SearchTests(PortalFactory factory)
{
    [Theory]
    [InlineData("/search?q=Teheran", "city", "Tehran")]
    [InlineData("/search?q=Adis+Ababa", "city", "Addis Ababa")]
    [InlineData("/search?q=Columbia", "country", "Colombia")]
    [InlineData("/search?q=Turkey", "country", "Türkiye")]
    [InlineData("/search?q=cote+d%27ivoire", "country", "Côte d'Ivoire")]
    [InlineData("/search?q=COTE+D%E2%80%99IVOIRE", "country", "Côte d'Ivoire")]
    [InlineData("/ko/search?q=%ED%85%8C%ED%97%A4%EB%9E%80", "city", "테헤란")]
    [InlineData("/ko/search?q=%EB%B2%A0%ED%8A%B8%EB%82%A8", "country", "베트남")]
    [InlineData("/es/search?q=teheran", "city", "Teherán")]
    [InlineData("/search?q=vietn", "country", "Vietnam")]
    public async Task SiteSearch_FindsTheRecord(string url, string kind, string title)
    {
        var page = await factory.CreateClient().GetDocumentAsync(url);

        var results = page.QuerySelectorAll($"#results-{kind} + ol a, section:has(#results-{kind}) .search-results a").Select(a => a.TextContent).ToList();
        Assert.Contains(title, results);
    }

    [Fact]
    public async Task SiteSearch_DiacriticsAndCaseDoNotMatter()
    {
        var plain = await factory.CreateClient().GetDocumentAsync("/search?q=san+jose");
        var accented = await factory.CreateClient().GetDocumentAsync("/search?q=SAN+JOS%C3%89");

        var found = plain.QuerySelectorAll(".search-results a").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(found);
        Assert.Equal(found, accented.QuerySelectorAll(".search-results a").Select(a => a.TextContent).ToList());
    }

    [Fact]
    public async Task SiteSearch_GroupsByKindWithCounts_AndMarksTheWords()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/search?q=seoul");

        var headings = page.QuerySelectorAll(".search-group h2").Select(h => h.Id).ToList();
        Assert.Contains("results-project", headings);
        Assert.Contains("results-section", headings);
        Assert.All(page.QuerySelectorAll(".search-group h2 .count"), c => Assert.Matches(@"^\(\d+\)$", c.TextContent));
        Assert.All(page.QuerySelectorAll("mark"), m => Assert.StartsWith("seoul", m.TextContent.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("mark"));
    }

    [Fact]
    public async Task CatalogueAndDirectorySearchBoxes_UseTheSameIndex_WithTheirFilters()
    {
        var client = factory.CreateClient();
        var korean = await client.GetJsonAsync("/api/projects?q=" + Uri.EscapeDataString("베트남") + "&pageSize=100");
        var english = await client.GetJsonAsync("/api/projects?country=VN&pageSize=100");
        Assert.Equal(english.GetProperty("total").GetInt32(), korean.GetProperty("total").GetInt32());

        var cities = await client.GetJsonAsync("/api/cities?q=teheran");
        var tehran = Assert.Single(cities.GetProperty("items").EnumerateArray());
        Assert.Equal("Tehran", tehran.GetProperty("name").GetString());
        var otherType = tehran.GetProperty("type").GetString() == "sister" ? "friendship" : "sister";
        Assert.Empty((await client.GetJsonAsync($"/api/cities?q=teheran&type={otherType}")).GetProperty("items").EnumerateArray());
    }

    public static readonly TheoryData<string> Hostile =
    [
        "\"", "\"\"\"", "a\" OR \"b", "NEAR(seoul water)", "seoul NEAR water", "*", "**", "seo*", "(", ")))", "((seoul", "title:seoul",
        "-seoul", "^seoul", "seoul AND", "OR", "NOT", "{title body}:x", "'; DROP TABLE Projects; --", "<script>alert(1)</script>",
        "\u0000", "%", "\\", new string('a', 10_000), string.Join(' ', Enumerable.Repeat("seoul", 2_000)),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task HostileQuery_IsPlainWords_NeverAnError(string q)
    {
        var client = factory.CreateClient();
        foreach (var url in new[] { "/search?q=", "/ko/search?q=", "/projects?q=", "/cities?q=", "/api/projects?q=", "/api/cities?q=" })
        {
            using var response = await client.GetAsync(url + Uri.EscapeDataString(q));
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("fts5", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("syntax error", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        }
    }
}

/// <summary>The index follows every write in the same transaction, and ranks a title above a description.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TitleMatch_RanksAboveDescriptionMatch_AndWritesAreIndexedAtOnce()
    {
        _ = _factory.CreateClient();
        var (inTitle, inBody) = await _factory.WithDbAsync(async db =>
        {
            var concentration = await db.Concentrations.FirstAsync();
            var body = new Project
            {
                Title = "Harbour lighting",
                AreaId = concentration.AreaId,
                ConcentrationId = concentration.Id,
                StartYear = 2020,
                EndYear = 2020,
                DescriptionMarkdown = "A quixotrail survey of harbours."
            };
            var title = new Project { Title = "Quixotrail <b>pilot</b>", AreaId = concentration.AreaId, ConcentrationId = concentration.Id, StartYear = 2020, EndYear = 2020 };
            db.Projects.AddRange(body, title);
            await db.SaveChangesAsync();
            return (title.Id, body.Id);
        });

        var client = _factory.CreateClient();
        var page = await client.GetDocumentAsync("/search?q=quixotr");
        var links = page.QuerySelectorAll("#results-project ~ ol a, .search-results a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains($"/projects/{inTitle}/", links[0], StringComparison.Ordinal);
        Assert.Contains($"/projects/{inBody}/", links[1], StringComparison.Ordinal);
        // The title's own markup is text: encoded, with only the portal's <mark> added.
        var html = page.QuerySelector(".search-results a")!.InnerHtml;
        Assert.Equal("<mark>Quixotrail</mark> &lt;b&gt;pilot&lt;/b&gt;", html);

        await _factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == inTitle);
            project.Title = "Renamed pilot";
            var other = await db.Projects.SingleAsync(p => p.Id == inBody);
            other.IsArchived = true;
            await db.SaveChangesAsync();
        });

        Assert.Empty((await client.GetDocumentAsync("/search?q=quixotrail")).QuerySelectorAll(".search-results a"));
        Assert.Single((await client.GetDocumentAsync("/search?q=renamed")).QuerySelectorAll(".search-results a"));
    }
}
