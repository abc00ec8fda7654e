using System.Net;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>Which responses the public page cache keeps (an <c>Age</c> header says a response came from it), and which never.</summary>
public sealed class PageCacheTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> TwiceAsync(HttpClient client, string url)
    {
        (await client.GetAsync(url)).Dispose();
        return await client.GetAsync(url);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/projects?area=transportation&country=PH")]
    [InlineData("/cities")]
    [InlineData("/countries/VN")]
    [InlineData("/about-data")]
    public async Task APublicPageAskedAgain_IsServedFromTheCache(string url)
    {
        using var response = await TwiceAsync(portal.CreatePortalClient(), url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.Age);
    }

    [Fact]
    public async Task EveryQueryString_IsItsOwnPage()
    {
        var client = portal.CreatePortalClient();
        using var vietnam = await TwiceAsync(client, "/projects?country=VN");

        using var philippines = await client.GetAsync("/projects?country=PH");

        Assert.Null(philippines.Headers.Age);
        Assert.NotEqual(await vietnam.Content.ReadAsStringAsync(), await philippines.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAddressInAnotherCase_IsNotTheCachedPage()
    {
        var client = portal.CreatePortalClient();
        await TwiceAsync(client, "/countries/VN");

        using var lower = await client.GetAsync("/countries/vn");

        Assert.Equal(HttpStatusCode.MovedPermanently, lower.StatusCode);
    }

    [Theory]
    [InlineData("/consultations/new")]
    [InlineData("/countries/ZZ")]
    [InlineData("/api/projects")]
    public async Task FormsErrorsAndTheApi_AreNeverServedFromTheCache(string url)
    {
        using var response = await TwiceAsync(portal.CreatePortalClient(), url);

        Assert.Null(response.Headers.Age);
    }

    [Fact]
    public async Task ASignedInEditor_NeverGetsACachedPage()
    {
        using var admin = new AdminPortalFactory();
        var editor = await admin.SignedInClientAsync();
        await TwiceAsync(admin.CreatePortalClient(), "/");

        using var response = await TwiceAsync(editor, "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
    }
}
