using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>The smaller holes of the security review: cookie flags, the Host header, unreadable forms, headers on every response.</summary>
public sealed class HardeningTests
{
    private sealed class ProductionAdminPortal : AdminPortalFactory
    {
        protected override string EnvironmentName => "Production";
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static void AssertSecure(HttpResponseMessage response, string cookiePrefix)
    {
        var cookie = Assert.Single(SetCookies(response), c => c.StartsWith(cookiePrefix, StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970"));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OverHttps_TheAntiforgeryCookieIsSecure()
    {
        using var portal = new AdminPortalFactory();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var page = await client.GetAsync("/admin/sign-in");

        AssertSecure(page, ".AspNetCore.Antiforgery.");
    }

    [Fact]
    public async Task OutsideDevelopment_TheAntiforgeryTempDataSessionAndDeviceCookiesAreSecure()
    {
        using var portal = new ProductionAdminPortal();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.test"), AllowAutoRedirect = false });

        using var signInPage = await client.GetAsync("/admin/sign-in");
        AssertSecure(signInPage, ".AspNetCore.Antiforgery.");
        using var signIn = await client.SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword);
        AssertSecure(signIn, "portal.auth=");
        AssertSecure(signIn, "portal.device=");
        var id = await portal.WithDbAsync(db => db.ContentSections.Select(s => s.Id).FirstAsync());
        using var saved = await client.SubmitAsync(await client.EditFormAsync($"/admin/content/{id}/edit"), null, "save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        AssertSecure(saved, ".AspNetCore.Mvc.CookieTempDataProvider=");
    }

    /// <summary>
    /// Those cookies are Secure even where the app sees plain http (a TLS proxy that does not forward the scheme), so
    /// the admin area cannot work there: it says so with a 403 page instead of failing in antiforgery with a 500.
    /// </summary>
    [Theory]
    [InlineData("/admin/sign-in")]
    [InlineData("/admin")]
    [InlineData("/ADMIN/projects")]
    public async Task OutsideDevelopment_TheAdminAreaOverPlainHttp_SaysToUseHttps(string path)
    {
        using var portal = new ProductionPortalFactory();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.test"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);
        using var publicPage = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("served over HTTPS only", (await response.DocumentAsync()).QuerySelector("main")!.TextContent);
        Assert.False(SetCookies(response).Any());
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    [InlineData("/admin/sign-in")]
    public async Task AForgedHost_IsRefusedWith400_CarryingTheSecurityHeaders(string path)
    {
        using var portal = new ProductionPortalFactory();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.test"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // No HSTS: the refused host is not one the portal speaks for.
        SecurityHeaderTests.AssertHardened(response, overHttps: false);
    }

    [Fact]
    public async Task SignInRedirects_NeverReflectTheHostHeader_EvenWithEveryHostAllowed()
    {
        using var portal = new AdminPortalFactory();
        portal.Settings["AllowedHosts"] = "*";
        var client = portal.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/projects");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sign-in?ReturnUrl=%2Fadmin%2Fprojects", response.Headers.Location!.OriginalString);
    }

    public static readonly TheoryData<string, string, string> UnreadableForms = new()
    {
        { "a NUL in a field name", "application/x-www-form-urlencoded", "Email=a%40example.org&Pass%00word=x" },
        { "a NUL in a value", "application/x-www-form-urlencoded", "Email=a%40example.org&Password=x%00y" },
        { "more fields than the limit", "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")) },
        { "a field name over the limit", "application/x-www-form-urlencoded", new string('k', 3000) + "=1" },
        { "multipart without a boundary", "multipart/form-data", "Email=a" },
        { "multipart cut short", "multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\nvalue" },
    };

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task AFormTheServerCannotRead_Is400WithAReadablePage(string what, string contentType, string body)
    {
        using var portal = new ProductionPortalFactory();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.test"), AllowAutoRedirect = false });

        foreach (var path in new[] { "/admin/sign-in", "/projects", "/admin/projects/1/edit" })
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            using var response = await client.PostAsync(path, content);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} to {path} answered {(int)response.StatusCode}");
            SecurityHeaderTests.AssertHardened(response);
            var page = await response.DocumentAsync();
            Assert.Contains("could not be read (error 400)", page.QuerySelector("main")!.TextContent);
        }
    }

    [Fact]
    public async Task APostWithoutAntiforgeryToken_Is400WithTheSecurityHeaders()
    {
        using var portal = new ProductionPortalFactory();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.test"), AllowAutoRedirect = false });

        using var response = await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent([new("Email", "a@example.org")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        SecurityHeaderTests.AssertHardened(response);
    }
}
