using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Features.Overview;

public sealed record OverviewSection(string Slug, string Title, string Html);

/// <summary>A headline number as counted in the portal's database, beside the figure the source document states.</summary>
public sealed record HeadlineFigure(string Label, int Counted, int? Stated, string? StatedAsOf, string Link);

public sealed record OverviewViewModel(IReadOnlyList<OverviewSection> Sections, IReadOnlyList<HeadlineFigure> Figures);

/// <summary>Everything the overview shows; it changes only when published content does, so it is kept under ContentVersion.</summary>
public static class OverviewQuery
{
    public static async Task<OverviewViewModel> LoadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var sections = await db.ContentSections.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Position)
            .Select(s => new OverviewSection(s.Slug, s.Title, s.BodyHtml ?? ""))
            .ToListAsync(cancellationToken);
        var stated = await db.StatedFigures.AsNoTracking().ToDictionaryAsync(f => f.Key, cancellationToken);

        var cities = db.Cities.Where(c => !c.IsArchived);
        var projects = db.Projects.Where(p => !p.IsArchived);
        var partners = db.ProjectPartners.Where(pp => projects.Any(p => p.Id == pp.ProjectId));
        var counts = new Dictionary<string, int>
        {
            ["partner-cities"] = await cities.CountAsync(cancellationToken),
            ["sister-cities"] = await cities.CountAsync(c => c.Relationship == CityRelationship.Sister, cancellationToken),
            ["friendship-cities"] = await cities.CountAsync(c => c.Relationship == CityRelationship.Friendship, cancellationToken),
            ["projects"] = await projects.CountAsync(cancellationToken),
            ["project-countries"] = await partners.Where(pp => pp.CountryCode != null).Select(pp => pp.CountryCode).Distinct().CountAsync(cancellationToken),
            ["project-cities"] = await partners.Where(pp => pp.Name != null).Select(pp => new { pp.CountryCode, pp.Name }).Distinct().CountAsync(cancellationToken),
        };

        HeadlineFigure Figure(string key, string label, string link) =>
            new(label, counts[key], stated.GetValueOrDefault(key)?.Value, stated.GetValueOrDefault(key)?.AsOf, link);

        var figures = new List<HeadlineFigure>
        {
            Figure("partner-cities", "Sister and friendship cities", "/cities"),
            Figure("sister-cities", "Sister cities", "/cities?type=sister"),
            Figure("friendship-cities", "Friendship cities", "/cities?type=friendship"),
            Figure("projects", "Overseas projects", "/projects"),
            Figure("project-countries", "Countries with projects", "/countries"),
            Figure("project-cities", "Partner cities and organisations in projects", "/projects"),
        };

        return new OverviewViewModel(
            sections,
            figures);
    }
}
