using System.Net;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Projects;

[Collection(SharedPortal.Name)]
public sealed class ProjectPageTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    private async Task<(int Id, string Href)> FindAsync(string query)
    {
        var document = await _client.GetDocumentAsync($"/projects?{query}");
        var href = document.QuerySelector(".project-title a")!.GetAttribute("href")!;
        return (int.Parse(href.Split('/')[2]), href);
    }

    [Fact]
    public async Task ProjectPage_ShowsAreaSubAreaYearsAndCountryLinks()
    {
        var (_, href) = await FindAsync("country=JO");

        var document = await _client.GetDocumentAsync(href);

        Assert.Equal("Pre-consultation on Development of a Clean Construction System", document.QuerySelector("h1")!.TextContent);
        var links = document.QuerySelectorAll(".facts a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/projects?area=e-government", links);
        Assert.Contains("/countries/VN", links);
        Assert.Contains("/countries/JO", links);
        Assert.Contains("2016–2017", document.QuerySelector(".facts")!.TextContent);
    }

    [Fact]
    public async Task ProjectPage_OfAnUntouchedSeedRow_ShowsNoImportDate()
    {
        var (_, href) = await FindAsync("country=JO");

        var document = await _client.GetDocumentAsync(href);

        Assert.Null(document.QuerySelector(".updated"));
    }

    [Fact]
    public async Task ProjectPage_AfterAnEdit_SaysWhenItWasUpdated()
    {
        using var edited = new PortalFactory();
        var client = edited.CreatePortalClient();
        var id = await edited.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.SeedKey == "p001");
            project.DescriptionMarkdown = "Now with a description.";
            await db.SaveChangesAsync();
            return project.Id;
        });

        using var redirect = await client.GetAsync($"/projects/{id}");
        var document = await client.GetDocumentAsync(redirect.Headers.Location!.OriginalString);

        Assert.Contains(DateTime.UtcNow.Year.ToString(), document.QuerySelector(".updated")!.TextContent);
        Assert.Contains("Now with a description.", document.QuerySelector(".prose")!.TextContent);
    }

    [Fact]
    public async Task ProjectPage_WithoutOrWithAWrongSlug_RedirectsToTheCanonicalAddress()
    {
        var (id, href) = await FindAsync("country=JO");

        foreach (var address in new[] { $"/projects/{id}", $"/projects/{id}/wrong-slug" })
        {
            using var response = await _client.GetAsync(address);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(href, response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData("/projects/999999")]
    [InlineData("/projects/0")]
    [InlineData("/projects/abc")]
    [InlineData("/projects/99999999999999999999")]
    public async Task ProjectPage_UnknownId_IsAProper404Page(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await Http.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(document.QuerySelector("a[href='/projects']"));
    }
}
