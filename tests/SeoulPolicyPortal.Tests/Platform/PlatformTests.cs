using System.Net;
using System.Net.Http.Headers;

namespace SeoulPolicyPortal.Tests.Platform;

[Collection(SharedPortal.Name)]
public sealed class PlatformTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    [Fact]
    public async Task Health_AnswersOkWhenTheDatabaseIsReachable()
    {
        using var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/cities")]
    [InlineData("/projects")]
    [InlineData("/countries")]
    [InlineData("/countries/VN")]
    public async Task EveryPage_HasLanguageSkipLinkAndOneHeading(string url)
    {
        var document = await _client.GetDocumentAsync(url);

        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#main", document.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(document.GetElementById("main"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.All(document.QuerySelectorAll("select, input:not([type=hidden])"), control =>
            Assert.NotNull(document.QuerySelector($"label[for='{control.Id}']")));
        // Nothing is loaded from elsewhere; the canonical and hreflang links name the page's own absolute addresses and load nothing.
        Assert.DoesNotContain(document.QuerySelectorAll("link[href]:not([rel=canonical]):not([rel=alternate][hreflang]), script[src], img[src]"),
            e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Contains("//"));
    }

    [Fact]
    public async Task Culture_UnsupportedRequest_FallsBackToEnglish()
    {
        var fromQuery = await _client.GetDocumentAsync("/?culture=xx");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzz%7Cuic%3Dzz");
        using var response = await _client.SendAsync(request);
        var fromCookie = await Http.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal("en", fromQuery.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", fromCookie.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Responses_AreCompressedWhenTheClientAccepts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/projects");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await _client.SendAsync(request);

        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task AdminPages_AreNeverCompressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/sign-in");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Stylesheet_IsServedLocally()
    {
        var document = await _client.GetDocumentAsync("/");
        var href = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await _client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".skip-link", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Responses_CarrySecurityHeadersAndNoServerBanner()
    {
        using var response = await _client.GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }
}
