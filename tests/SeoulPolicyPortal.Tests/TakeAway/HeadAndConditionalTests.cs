using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.TakeAway;

/// <summary>Every GET address answers HEAD the same way without a body; data addresses answer conditional requests with 304.</summary>
[Collection(SharedPortal.Name)]
public sealed class HeadAndConditionalTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    private static readonly string[] ComparedHeaders =
        ["Content-Type", "Content-Disposition", "ETag", "Last-Modified", "Cache-Control", "Location", "Content-Security-Policy", "X-Content-Type-Options"];

    public static TheoryData<string, HttpStatusCode> Addresses => new()
    {
        { "/", HttpStatusCode.OK },
        { "/cities?region=europe&type=sister", HttpStatusCode.OK },
        { "/projects?area=transportation&country=PH", HttpStatusCode.OK },
        { "/projects/1", HttpStatusCode.MovedPermanently },
        { "/countries", HttpStatusCode.OK },
        { "/countries/VN", HttpStatusCode.OK },
        { "/countries/vn", HttpStatusCode.MovedPermanently },
        { "/changes", HttpStatusCode.OK },
        { "/api", HttpStatusCode.OK },
        { "/api/projects?country=VN", HttpStatusCode.OK },
        { "/api/cities", HttpStatusCode.OK },
        { "/api/projects?year=abc", HttpStatusCode.BadRequest },
        { "/projects.csv?area=e-government", HttpStatusCode.OK },
        { "/projects.xlsx", HttpStatusCode.OK },
        { "/projects.json?country=VN", HttpStatusCode.OK },
        { "/cities.csv", HttpStatusCode.OK },
        { "/cities.xlsx?region=europe", HttpStatusCode.OK },
        { "/cities.json", HttpStatusCode.OK },
        { "/feed.atom", HttpStatusCode.OK },
        { "/feed.atom?country=VN", HttpStatusCode.OK },
        { "/sitemap.xml", HttpStatusCode.OK },
        { "/robots.txt", HttpStatusCode.OK },
        { "/openapi/v1.json", HttpStatusCode.OK },
        { "/health", HttpStatusCode.OK },
        { "/favicon.ico", HttpStatusCode.OK },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/projects/99999", HttpStatusCode.NotFound },
        { "/countries/ZZ", HttpStatusCode.NotFound },
        { "/api/no-such-thing", HttpStatusCode.NotFound },
        { "/admin", HttpStatusCode.Redirect },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Head_AnswersAsGetWithoutABody(string path, HttpStatusCode expected)
    {
        using var get = await _client.GetAsync(path);
        var body = await get.Content.ReadAsByteArrayAsync();
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(expected, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        foreach (var name in ComparedHeaders)
        {
            Assert.Equal(Values(get, name), Values(head, name));
        }

        // What GET's body would have weighed, where HEAD says so (a workbook is zipped anew each time: its size varies by bytes).
        if (head.Content.Headers.ContentLength is { } length && !path.Contains(".xlsx", StringComparison.Ordinal))
        {
            Assert.Equal(body.Length, length);
        }
    }

    private static string Values(HttpResponseMessage response, string name) =>
        string.Join(",", response.Headers.TryGetValues(name, out var values) ? values
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues : []);

    public static TheoryData<string> Validated =>
        ["/api/projects?country=VN", "/api/cities", "/projects.csv?area=e-government", "/cities.xlsx", "/projects.json", "/feed.atom", "/sitemap.xml"];

    [Theory]
    [MemberData(nameof(Validated))]
    public async Task RepeatedRequest_WithTheValidators_Is304(string path)
    {
        using var first = await _client.GetAsync(path);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.True(etag.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());

        using var byTag = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, byTag.Headers.ETag);

        using var byDate = await SendAsync(path, r => r.Headers.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);

        using var head = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(etag), HttpMethod.Head);
        Assert.Equal(HttpStatusCode.NotModified, head.StatusCode);

        using var other = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"1-0000000000000000\"", true)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // A copy of another view is not this one.
        using var otherView = await _client.GetAsync(path + (path.Contains('?') ? "&q=a" : "?q=a"));
        Assert.NotEqual(etag, otherView.Headers.ETag);
    }

    [Fact]
    public async Task Refusal_CarriesNoValidators()
    {
        using var response = await _client.GetAsync("/api/projects?year=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> configure, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        configure(request);
        return await _client.SendAsync(request);
    }
}

/// <summary>A save moves the validators, so nobody keeps a stale copy.</summary>
public sealed class ConditionalAfterEditTests
{
    [Fact]
    public async Task AfterAnEdit_TheOldETagGetsTheNewContent()
    {
        using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        using var before = await client.GetAsync("/api/projects?country=VN");
        var etag = before.Headers.ETag!;

        await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.FirstAsync(p => p.Partners.Any(pp => pp.CountryCode == "VN"));
            project.Title = "Renamed so that the copy is stale";
            await db.SaveChangesAsync();
        });

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects?country=VN");
        request.Headers.IfNoneMatch.Add(etag);
        using var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified >= before.Content.Headers.LastModified);
        Assert.Contains("Renamed so that the copy is stale", await after.Content.ReadAsStringAsync());
    }
}
