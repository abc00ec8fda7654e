using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SeoulPolicyPortal.Tests.Projects;

[Collection(SharedPortal.Name)]
public sealed class BadInputTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    public static TheoryData<string, string> BadQueries => new()
    {
        { "area=nowhere", "area" },
        { "area=%3Cscript%3E", "area" },
        { "concentration=nothing-like-this", "concentration" },
        { "area=housing&concentration=financing", "concentration" },
        { "country=XX", "country" },
        { "country=Vietnam", "country" },
        { "year=abc", "year" },
        { "year=99999999999999999999", "year" },
        { "year=-2017", "year" },
        { "year=1800", "year" },
        { "page=0", "page" },
        { "page=-1", "page" },
        { "page=1.5", "page" },
        { "page=6", "page" },
        { "pageSize=0", "pageSize" },
        { "pageSize=1000000", "pageSize" },
        { "sort=price", "sort" },
        { "sort=1", "sort" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Api_BadValue_Answers400WithProblemDetailsNaming(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/projects?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), $"no error for {parameter}");
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Page_BadValue_SaysWhatWasNotUnderstoodAndShowsASensibleResult(string query, string _)
    {
        using var response = await _client.GetAsync($"/projects?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Http.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(document.QuerySelector(".result-count"));
        Assert.NotNull(document.QuerySelector(".notice li"));
    }

    [Fact]
    public async Task Page_PastTheLastPage_ShowsTheLastPage()
    {
        var document = await _client.GetDocumentAsync("/projects?page=50");

        Assert.Contains("81–98 of 98", document.QuerySelector(".result-count")!.TextContent);
        Assert.Contains("last page", document.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task Page_UnknownAreaWithGoodCountry_KeepsTheGoodFilter()
    {
        var document = await _client.GetDocumentAsync("/projects?area=nowhere&country=VN");

        Assert.Contains("all 11 projects", document.QuerySelector(".result-count")!.TextContent);
        Assert.Contains("nowhere", document.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task HostileText_IsEncodedNeverExecuted()
    {
        const string payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>";

        using var response = await _client.GetAsync($"/projects?q={Uri.EscapeDataString(payload)}&area={Uri.EscapeDataString(payload)}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        var document = await Http.ParseAsync(html);
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Equal(payload, document.QuerySelector("#project-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task HugeSearchText_IsCutWithAMessageNotAnError()
    {
        var huge = new string('a', 5000);

        using var page = await _client.GetAsync($"/projects?q={huge}");
        using var api = await _client.GetAsync($"/api/projects?q={huge}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("longer than 100 characters", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
    }

    [Theory]
    [InlineData("/projects?q=%00%01%02")]
    [InlineData("/projects?year=%E2%80%AE2017")]
    [InlineData("/projects?area=transportation&area=housing")]
    [InlineData("/projects?country=%F0%9F%87%B0%F0%9F%87%B7")]
    [InlineData("/cities?region=%3Cb%3E&type=enemy&country=1&q=%00")]
    [InlineData("/api/cities?type=enemy")]
    public async Task OddInput_NeverAnswers5xx(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Fact]
    public async Task UnknownApiAddress_IsAProblemDetails404()
    {
        using var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
