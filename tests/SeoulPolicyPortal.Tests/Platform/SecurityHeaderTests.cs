using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>The portal as deployed: Production settings (HSTS on, no developer pages).</summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}

public sealed class SecurityHeaderTests(ProductionPortalFactory production) : IClassFixture<ProductionPortalFactory>
{
    // HSTS is never sent to localhost (RFC 6797 host exclusions), so the deployed host is stood in for by portal.test.
    private readonly HttpClient _https = production.CreateClient(
        new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.test"), AllowAutoRedirect = false });

    public static readonly TheoryData<string, HttpStatusCode> Responses = new()
    {
        { "/", HttpStatusCode.OK },
        { "/projects?area=transportation&country=PH", HttpStatusCode.OK },
        { "/api/projects", HttpStatusCode.OK },
        { "/api/projects?year=abc", HttpStatusCode.BadRequest },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/api/no-such-thing", HttpStatusCode.NotFound },
        { "/health", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Response_CarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        using var response = await _https.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertHardened(response);
    }

    [Fact]
    public async Task Stylesheet_CarriesTheSecurityHeaders()
    {
        var page = await Http.ParseAsync(await _https.GetStringAsync("/"));
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await _https.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        AssertHardened(response);
    }

    [Fact]
    public async Task ContentSecurityPolicy_AllowsOnlyTheOwnOriginAndNoInlineScript()
    {
        using var response = await _https.GetAsync("/");
        var directives = Assert.Single(response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);

        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["style-src"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
    }

    [Fact]
    public async Task Production_OverHttps_SendsHsts()
    {
        using var response = await _https.GetAsync("/");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Equal("max-age=31536000", hsts);
    }

    [Fact]
    public async Task Production_OverPlainHttp_SendsNoHsts()
    {
        // A browser ignores HSTS over http (RFC 6797 section 8.1), so the middleware rightly leaves it out.
        using var http = production.CreateClient(
            new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.test"), AllowAutoRedirect = false });
        using var response = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    internal static void AssertHardened(HttpResponseMessage response, bool overHttps = true)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
        if (overHttps)
        {
            Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        }
    }
}

/// <summary>A developer's machine must never pin its browser to HTTPS for localhost-like hosts.</summary>
[Collection(SharedPortal.Name)]
public sealed class DevelopmentHstsTests(PortalFactory development)
{
    [Fact]
    public async Task Development_OverHttps_SendsNoHsts()
    {
        using var client = development.CreateClient(
            new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.test"), AllowAutoRedirect = false });
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
