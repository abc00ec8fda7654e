using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Changes;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.ApiGuide;

/// <summary>
/// The OpenAPI 3.1 description at /openapi/v1.json: the JSON API, the downloads and the feed. Parameters are bound as
/// strings (so that bad input becomes a 400 naming it rather than a binding failure); this describes what each one
/// accepts, with the area, sub-area, region and country values read from the database when the document is asked for.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.RelativePath is { } path
                && (path.StartsWith("api/", StringComparison.Ordinal) || path is "projects.csv" or "projects.xlsx" or "projects.json"
                    or "cities.csv" or "cities.xlsx" or "cities.json" or "feed.atom");
            options.AddDocumentTransformer<ParameterDocumentTransformer>();
        });

    public static void MapPortalOpenApi(this WebApplication app) => app.MapOpenApi(DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal));

    /// <summary>Names, meanings and allowed values of every query parameter, and the answers every operation shares.</summary>
    private sealed class ParameterDocumentTransformer(PortalDbContext db) : IOpenApiDocumentTransformer
    {
        public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "Seoul Policy Portal",
                Version = "v1",
                Description = "Seoul's partner cities and overseas policy-sharing projects: the same data and filters as the portal's pages, as JSON, "
                    + "CSV, Excel and an Atom feed. Every answer carries an ETag and Last-Modified tied to the content version; send them back "
                    + "(If-None-Match, If-Modified-Since) to get 304 Not Modified. Bad input is a 400 application/problem+json naming each parameter.",
            };

            var areas = await db.Areas.AsNoTracking().Where(a => !a.IsArchived).OrderBy(a => a.Position).Select(a => a.Slug).ToListAsync(cancellationToken);
            var concentrations = await db.Concentrations.AsNoTracking().Where(c => !c.IsArchived).Select(c => c.Slug).Distinct().OrderBy(s => s)
                .ToListAsync(cancellationToken);
            var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Position).Select(r => r.Slug).ToListAsync(cancellationToken);
            var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(cancellationToken);

            foreach (var (path, item) in document.Paths)
            {
                foreach (var operation in item.Operations?.Values.ToList() ?? [])
                {
                    var isChanges = path.StartsWith("/feed", StringComparison.Ordinal);
                    foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                    {
                        parameter.Name = char.ToLowerInvariant(parameter.Name![0]) + parameter.Name[1..];
                        (parameter.Description, parameter.Schema) = parameter.Name switch
                        {
                            "area" => Describe("Policy area (slug).", Enum(areas)),
                            "concentration" => Describe("Sub-area (slug); with an area, one of that area's sub-areas.", Enum(concentrations)),
                            "country" => Describe("Partner country, ISO 3166-1 alpha-2 code (either case).", Enum(countries)),
                            "year" => Describe("Projects active in this year (start year ≤ year ≤ end year).",
                                Integer(ProjectFilter.MinYear, ProjectFilter.MaxYear, null)),
                            "q" => Describe("Words to find in titles, partner names and countries (or city and country names); accents and case are ignored.",
                                new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = QueryText.MaxSearchLength }),
                            "sort" => Describe("Order of the projects.", Enum(["newest", "oldest", "title"], "newest")),
                            "page" => Describe(isChanges ? "Ignored by the feed, which holds the newest entries." : "Page of results, from 1.",
                                Integer(1, ProjectFilter.MaxPage, 1)),
                            "pageSize" => Describe("Projects per page.", Integer(1, ProjectFilter.MaxPageSize, ProjectFilter.DefaultPageSize)),
                            "region" => Describe("Region (slug).", Enum(regions)),
                            "type" => Describe("Relationship with Seoul.", Enum(["sister", "friendship"])),
                            "kind" => Describe("What the changes are about.", Enum(ChangeFilter.Kinds.Keys)),
                            _ => Describe(parameter.Description, parameter.Schema),
                        };
                        parameter.Required = false;
                    }

                    if (path.Contains('.', StringComparison.Ordinal) && !path.StartsWith("/feed", StringComparison.Ordinal))
                    {
                        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                        {
                            if (parameter.Name is "page" or "pageSize")
                            {
                                parameter.Description = "Ignored: a download holds every match.";
                            }
                        }
                    }

                    operation.Responses ??= [];
                    operation.Responses.TryAdd("304", new OpenApiResponse { Description = "Not Modified: the copy named by If-None-Match or If-Modified-Since is current." });
                }
            }
        }

        private static (string? Description, IOpenApiSchema? Schema) Describe(string? description, IOpenApiSchema? schema) => (description, schema);

        private static OpenApiSchema Enum(IEnumerable<string> values, string? defaultValue = null) => new()
        {
            Type = JsonSchemaType.String,
            Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
            Default = defaultValue is null ? null : JsonValue.Create(defaultValue),
        };

        private static OpenApiSchema Integer(int minimum, int maximum, int? defaultValue) => new()
        {
            Type = JsonSchemaType.Integer,
            Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = defaultValue is null ? null : JsonValue.Create(defaultValue.Value),
        };
    }
}
