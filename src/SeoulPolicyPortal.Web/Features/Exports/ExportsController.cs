using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
    Json,
}

/// <summary>
/// Downloads of exactly what /projects and /cities show: the same filters, parsed by the same code and answered by the
/// same query objects, with every matching row instead of one page. A file is built whole in memory before anything is
/// sent, so a failure is an error answer, never half a file; bad filters are the API's 400 problem details.
/// </summary>
[ApiController]
[ContentValidators]
[EnableRateLimiting(TakeAwaySetup.ExportsPolicy)]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
public sealed class ExportsController(
    ProjectCatalogue catalogue, CityDirectory directory, PublicAddress address, IStringLocalizer<SharedResource> localizer) : ControllerBase
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [EndpointSummary("Every project matching the catalogue's filters, as CSV.")]
    [HttpGet("/projects.csv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    public Task<IActionResult> ProjectsCsv([FromQuery] ProjectQueryString query, CancellationToken cancellationToken) =>
        ProjectsAsync(query, ExportFormat.Csv, cancellationToken);

    [EndpointSummary("Every project matching the catalogue's filters, as an Excel workbook.")]
    [HttpGet("/projects.xlsx")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, XlsxType)]
    public Task<IActionResult> ProjectsXlsx([FromQuery] ProjectQueryString query, CancellationToken cancellationToken) =>
        ProjectsAsync(query, ExportFormat.Xlsx, cancellationToken);

    [EndpointSummary("Every project matching the catalogue's filters, as JSON.")]
    [HttpGet("/projects.json")]
    [ProducesResponseType<ProjectExportDocument>(StatusCodes.Status200OK, "application/json")]
    public Task<IActionResult> ProjectsJson([FromQuery] ProjectQueryString query, CancellationToken cancellationToken) =>
        ProjectsAsync(query, ExportFormat.Json, cancellationToken);

    [EndpointSummary("Every partner city matching the directory's filters, as CSV.")]
    [HttpGet("/cities.csv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    public Task<IActionResult> CitiesCsv([FromQuery] CityQueryString query, CancellationToken cancellationToken) =>
        CitiesAsync(query, ExportFormat.Csv, cancellationToken);

    [EndpointSummary("Every partner city matching the directory's filters, as an Excel workbook.")]
    [HttpGet("/cities.xlsx")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, XlsxType)]
    public Task<IActionResult> CitiesXlsx([FromQuery] CityQueryString query, CancellationToken cancellationToken) =>
        CitiesAsync(query, ExportFormat.Xlsx, cancellationToken);

    [EndpointSummary("Every partner city matching the directory's filters, as JSON.")]
    [HttpGet("/cities.json")]
    [ProducesResponseType<CityExportDocument>(StatusCodes.Status200OK, "application/json")]
    public Task<IActionResult> CitiesJson([FromQuery] CityQueryString query, CancellationToken cancellationToken) =>
        CitiesAsync(query, ExportFormat.Json, cancellationToken);

    private async Task<IActionResult> ProjectsAsync(ProjectQueryString query, ExportFormat format, CancellationToken cancellationToken)
    {
        // Paging is ignored: a download holds every match.
        var (filter, problems) = ProjectFilter.Parse(query with { Page = null, PageSize = null });
        if (problems.Count > 0)
        {
            return this.BadQuery(problems);
        }

        var page = await catalogue.QueryAllAsync(filter, withFacets: true, cancellationToken);
        if (page.Problems.Count > 0)
        {
            return this.BadQuery(page.Problems);
        }

        var filters = (page.Filter with { Page = 1, PageSize = ProjectFilter.DefaultPageSize }).ToRouteValues();
        var pageUrl = address.Absolute(Request, Links.WithQuery(Url.PublicAction("Index", "Projects"), filters));
        var items = ProjectExport.Items(page, p => address.Absolute(Request, Url.PublicAction("Details", "Projects", new { id = p.Id, slug = p.Slug })));
        var f = page.Filter;
        var fileName = ExportFileName.For("seoul-projects", Extension(format),
            f.Area, f.Concentration, f.Country, ExportFileName.Year(f.Year), ExportFileName.Search(f.Q));
        var stamp = ContentValidatorsAttribute.Stamp(HttpContext);
        if (format == ExportFormat.Json)
        {
            return File(JsonSerializer.SerializeToUtf8Bytes(
                new ProjectExportDocument(Source("Seoul Policy Portal: overseas projects of the Seoul Policy Sharing Initiative"), pageUrl, filters,
                    stamp.ChangedAtUtc, items.Count, items), Json), "application/json", fileName);
        }

        var about = About("Seoul Policy Portal: overseas projects of the Seoul Policy Sharing Initiative", pageUrl,
            CatalogueLabels.Describe(page, localizer), localizer["None: every project"], items.Count, stamp);
        return Table(ProjectExport.Table(items, localizer, about), format, fileName);
    }

    private async Task<IActionResult> CitiesAsync(CityQueryString query, ExportFormat format, CancellationToken cancellationToken)
    {
        var (filter, problems) = CityFilter.Parse(query);
        if (problems.Count > 0)
        {
            return this.BadQuery(problems);
        }

        var page = await directory.QueryAsync(filter, cancellationToken);
        if (page.Problems.Count > 0)
        {
            return this.BadQuery(page.Problems);
        }

        var filters = page.Filter.ToRouteValues();
        var pageUrl = address.Absolute(Request, Links.WithQuery(Url.PublicAction("Index", "Cities"), filters));
        var items = CityExport.Items(page);
        var f = page.Filter;
        var fileName = ExportFileName.For("seoul-partner-cities", Extension(format),
            f.Region, f.Type?.ToString().ToLowerInvariant(), f.Country, ExportFileName.Search(f.Q));
        var stamp = ContentValidatorsAttribute.Stamp(HttpContext);
        if (format == ExportFormat.Json)
        {
            return File(JsonSerializer.SerializeToUtf8Bytes(
                new CityExportDocument(Source("Seoul Policy Portal: Seoul’s sister and friendship cities"), pageUrl, filters,
                    stamp.ChangedAtUtc, items.Count, items), Json), "application/json", fileName);
        }

        var about = About("Seoul Policy Portal: Seoul’s sister and friendship cities", pageUrl,
            CityDirectoryLabels.Describe(page, localizer), localizer["None: every partner city"], items.Count, stamp);
        return Table(CityExport.Table(items, localizer, about), format, fileName);
    }

    private FileContentResult Table(ExportTable table, ExportFormat format, string fileName) => format == ExportFormat.Csv
        ? File(CsvExport.Write(table), "text/csv; charset=utf-8; header=present", fileName)
        : File(XlsxExport.Write(table, localizer["About"]), XlsxType, fileName);

    private string Source(string key) => localizer[key];

    private List<(string Label, string Value)> About(
        string source, string pageUrl, IReadOnlyList<(string Key, string Label)> filters, string noFilters, int rows, Data.ContentStamp stamp) =>
    [
        (localizer["Source"], localizer[source]),
        (localizer["Page"], pageUrl),
        (localizer["Filters"], filters.Count == 0 ? noFilters : string.Join("; ", filters.Select(f => f.Label))),
        (localizer["Rows"], rows.ToString(CultureInfo.InvariantCulture)),
        (localizer["Data last changed"], Utc(stamp.ChangedAtUtc)),
        (localizer["Downloaded"], Utc(DateTime.UtcNow)),
    ];

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();
}
