using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Features.Changes;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Projects;

namespace SeoulPolicyPortal.Tests.TakeAway;

/// <summary>/openapi/v1.json describes every API and download address, every parameter and its allowed values, and every answer.</summary>
[Collection(SharedPortal.Name)]
public sealed class OpenApiTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    private static IEnumerable<string> ParametersOf<T>() => typeof(T).GetConstructors().Single().GetParameters().Select(p => p.Name!);

    public static TheoryData<string, string> Operations => new()
    {
        { "/api/projects", nameof(ProjectQueryString) },
        { "/projects.csv", nameof(ProjectQueryString) },
        { "/projects.xlsx", nameof(ProjectQueryString) },
        { "/projects.json", nameof(ProjectQueryString) },
        { "/api/cities", nameof(CityQueryString) },
        { "/cities.csv", nameof(CityQueryString) },
        { "/cities.xlsx", nameof(CityQueryString) },
        { "/cities.json", nameof(CityQueryString) },
        { "/feed.atom", nameof(ChangeQueryString) },
    };

    private async Task<JsonElement> DocumentAsync() => await _client.GetJsonAsync("/openapi/v1.json");

    [Fact]
    public async Task Document_IsOpenApi31AndListsEveryApiEndpointOfTheApp()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var apiRoutes = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(apiRoutes);
        Assert.All(apiRoutes, route => Assert.Contains(route, paths));
        Assert.Equal(Operations.Select(o => (string)o[0]).Order(), paths.Order());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_DescribesEveryParameterAndEveryAnswer(string path, string queryType)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");
        var expected = queryType switch
        {
            nameof(ProjectQueryString) => ParametersOf<ProjectQueryString>(),
            nameof(CityQueryString) => ParametersOf<CityQueryString>(),
            _ => ParametersOf<ChangeQueryString>(),
        };

        var parameters = operation.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(expected.Select(p => p.ToLowerInvariant()).Order(), parameters.Select(p => p.GetProperty("name").GetString()!.ToLowerInvariant()).Order());
        Assert.All(parameters, p =>
        {
            Assert.Equal("query", p.GetProperty("in").GetString());
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()));
            Assert.True(p.GetProperty("schema").TryGetProperty("type", out _));
        });

        var responses = operation.GetProperty("responses");
        Assert.True(responses.GetProperty("200").GetProperty("content").EnumerateObject().Any());
        Assert.EndsWith("/ValidationProblemDetails",
            responses.GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(responses.TryGetProperty("304", out _));
    }

    [Fact]
    public async Task Parameters_StateTheirAllowedValuesFromTheDatabase()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        JsonElement Schema(string path, string name) => paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");
        static List<string> Enum(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

        var (areas, regions, countries) = await portal.WithDbAsync(async db => (
            await db.Areas.Where(a => !a.IsArchived).OrderBy(a => a.Position).Select(a => a.Slug).ToListAsync(),
            await db.Regions.OrderBy(r => r.Position).Select(r => r.Slug).ToListAsync(),
            await db.Countries.Select(c => c.Code).ToListAsync()));
        Assert.Equal(areas, Enum(Schema("/api/projects", "area")));
        Assert.Equal(areas, Enum(Schema("/feed.atom", "area")));
        Assert.Equal(regions, Enum(Schema("/api/cities", "region")));
        Assert.Equal(countries.Order(), Enum(Schema("/api/projects", "country")).Order());
        Assert.Contains("transit-smart-card-system", Enum(Schema("/projects.csv", "concentration")));
        Assert.Equal(["newest", "oldest", "title"], Enum(Schema("/api/projects", "sort")));
        Assert.Equal(["sister", "friendship"], Enum(Schema("/cities.xlsx", "type")));
        Assert.Equal(["projects", "cities", "overview"], Enum(Schema("/feed.atom", "kind")));
        var year = Schema("/api/projects", "year");
        Assert.Equal(("integer", 1900, 2100), (year.GetProperty("type").GetString(), year.GetProperty("minimum").GetInt32(), year.GetProperty("maximum").GetInt32()));
        var pageSize = Schema("/api/projects", "pageSize");
        Assert.Equal((1, 100, 20), (pageSize.GetProperty("minimum").GetInt32(), pageSize.GetProperty("maximum").GetInt32(), pageSize.GetProperty("default").GetInt32()));
        Assert.Equal(100, Schema("/api/cities", "q").GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task Responses_HaveSchemasForTheJsonAnswers()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var item = schemas.GetProperty("ProjectListItem").GetProperty("properties");

        Assert.True(item.TryGetProperty("title", out _));
        Assert.True(item.TryGetProperty("partners", out _));
        Assert.False(item.TryGetProperty("slug", out _));
        Assert.True(schemas.GetProperty("ExportedProject").GetProperty("properties").TryGetProperty("url", out _));
        Assert.True(schemas.GetProperty("CityListResponse").GetProperty("properties").TryGetProperty("items", out _));
        Assert.True(schemas.GetProperty("ValidationProblemDetails").GetProperty("properties").TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task ApiPage_LinksTheDocumentAndGivesExamplesThatAnswer()
    {
        var page = await _client.GetDocumentAsync("/api");

        Assert.NotNull(page.QuerySelector("a[href='http://localhost/openapi/v1.json']"));
        var examples = page.QuerySelectorAll(".api-examples a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(examples.Count >= 5);
        foreach (var example in examples)
        {
            Assert.StartsWith("http://localhost/", example);
            using var response = await _client.GetAsync(new Uri(example).PathAndQuery);
            Assert.True(response.IsSuccessStatusCode, $"{example} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType == "application/json" && example.Contains("/api/", StringComparison.Ordinal))
            {
                Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32() > 0, example);
            }
        }

        Assert.Equal(examples.Count, page.QuerySelectorAll(".api-examples pre code").Length);
    }
}
