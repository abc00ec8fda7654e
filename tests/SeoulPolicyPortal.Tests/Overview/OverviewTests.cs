namespace SeoulPolicyPortal.Tests.Overview;

[Collection(SharedPortal.Name)]
public sealed class OverviewTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    [Fact]
    public async Task Overview_ExplainsTheInitiativeInSections()
    {
        var document = await _client.GetDocumentAsync("/");

        var headings = document.QuerySelectorAll("section.prose h2").Select(h => h.TextContent).ToList();
        Assert.Equal(4, headings.Count);
        Assert.Contains("What is the Seoul Policy Sharing Initiative?", headings);
        Assert.Contains("urban diplomacy", document.QuerySelector("#urban-diplomacy")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Overview_ShowsCountedFiguresBesideStatedOnes()
    {
        var document = await _client.GetDocumentAsync("/");

        var figures = document.QuerySelectorAll(".figure").ToDictionary(
            f => f.QuerySelector(".figure-label")!.TextContent, f => (Value: f.QuerySelector(".figure-value")!.TextContent, Source: f.QuerySelector(".figure-source")!.TextContent));
        Assert.Equal("98", figures["Overseas projects"].Value);
        Assert.Contains("97 stated", figures["Overseas projects"].Source);
        Assert.Equal(SeedFiles.Cities.Count().ToString(), figures["Sister and friendship cities"].Value);
        Assert.Contains("71 stated", figures["Sister and friendship cities"].Source);
        Assert.Equal("38", figures["Countries with projects"].Value);
    }

    [Fact]
    public async Task Overview_MarkdownIsRenderedAsHtml()
    {
        var document = await _client.GetDocumentAsync("/");

        Assert.NotEmpty(document.QuerySelectorAll("section.prose p"));
        Assert.DoesNotContain("# ", document.QuerySelector("section.prose")!.TextContent.Split('\n').First(l => l.Trim().Length > 0));
    }
}
