using System.Net;
using Microsoft.Playwright;

namespace SeoulPolicyPortal.BrowserTests.Hardening;

/// <summary>The headers a real Kestrel port sends (the in-memory test server never adds a Server header, so it proves nothing).</summary>
[Collection(BrowserCollection.Name)]
public sealed class HeaderTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/projects", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData(PublicPages.NotFound, HttpStatusCode.NotFound)]
    public async Task KestrelResponse_HasNoServerBannerAndCarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        using var client = Portal.CreateHttpClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.TryGetValues("Server", out var s) ? s : [])}");
        Assert.False(response.Headers.Contains("X-Powered-By"));
        Assert.False(response.Headers.Contains("X-AspNet-Version"));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    public Task PublicPage_RunsUnderItsContentSecurityPolicyWithoutViolationsOrErrors(string path) => InBrowserAsync(async page =>
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // A 404 page's own status is logged as a resource error by Chromium; anything else is a real problem.
            if (message.Type == "error" && !(path == PublicPages.NotFound && message.Text.Contains("404", StringComparison.Ordinal)))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }, variant: path);

    [Fact]
    public Task PortalPage_CannotBeFramedByAnotherSite() => InBrowserAsync(async page =>
    {
        // about:blank stands in for another site that puts the portal in a frame.
        await page.SetContentAsync($"<iframe title=portal src=\"{Url("/")}\"></iframe>");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Chromium replaces a refused frame with its own error page, so the frame never holds a portal address.
        var frame = Assert.Single(page.Frames, f => f != page.MainFrame);
        Assert.DoesNotContain(Portal.Origin, frame.Url, StringComparison.Ordinal);
        Assert.Equal(0, await frame.GetByText("Seoul Policy Sharing Initiative").CountAsync());
    });
}
