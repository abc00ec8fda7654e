using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Features.Projects;

namespace SeoulPolicyPortal.Web.Features.Exports;

public sealed record ExportedProject(
    int Id, string Title, string Area, string AreaName, string Concentration, string ConcentrationName, int StartYear, int EndYear,
    IReadOnlyList<PartnerItem> Partners, IReadOnlyList<string> Countries, string Url);

/// <summary>The JSON download: what was asked, when the data last changed, and every matching project.</summary>
public sealed record ProjectExportDocument(
    string Source, string PageUrl, IReadOnlyDictionary<string, string?> Filters, DateTime DataChangedAtUtc, int Total,
    IReadOnlyList<ExportedProject> Items);

public static class ProjectExport
{
    public static IReadOnlyList<ExportedProject> Items(CataloguePage page, Func<ProjectListItem, string> url) =>
        page.Items.Select(p => new ExportedProject(
                p.Id, p.Title, p.Area, p.AreaName, p.Concentration, p.ConcentrationName, p.StartYear, p.EndYear, p.Partners,
                p.Partners.Where(pp => pp.Country is not null).Select(pp => pp.Country!).Distinct().ToList(), url(p)))
            .ToList();

    public static ExportTable Table(IReadOnlyList<ExportedProject> items, IStringLocalizer localizer, IReadOnlyList<(string Label, string Value)> about) =>
        new(localizer["Projects"],
        [
            new(localizer["Id"], ExportCellKind.Number, 6),
            new(localizer["Title"], ExportCellKind.Text, 60),
            new(localizer["Area"], ExportCellKind.Text, 24),
            new(localizer["Sub-area"], ExportCellKind.Text, 28),
            new(localizer["Start year"], ExportCellKind.Number, 10),
            new(localizer["End year"], ExportCellKind.Number, 10),
            new(localizer["Partners"], ExportCellKind.Text, 50),
            new(localizer["Country codes"], ExportCellKind.Text, 14),
            new(localizer["URL"], ExportCellKind.Link, 60),
        ],
        items.Select(p => new object?[]
        {
            p.Id, p.Title, p.AreaName, p.ConcentrationName, p.StartYear, p.EndYear,
            string.Join("; ", p.Partners.Select(ProjectMarkup.PartnerText)), string.Join(" ", p.Countries), p.Url,
        }).ToList(),
        about);
}
