using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Cities;

namespace SeoulPolicyPortal.Web.Features.Projects;

public sealed record ProjectDetails(
    int Id, string Title, string Area, string AreaName, string Concentration, string ConcentrationName,
    IReadOnlyList<PartnerItem> Partners, int StartYear, int EndYear, string? DescriptionHtml, DateTime? EditedAtUtc)
{
    public IEnumerable<PartnerItem> Countries => Partners.Where(p => p.Country is not null).DistinctBy(p => p.Country);

    public static Task<ProjectDetails?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking()
            .Where(p => p.Id == id && !p.IsArchived)
            .Select(p => new ProjectDetails(
                p.Id, p.Title, p.Area!.Slug, p.Area.Name, p.Concentration!.Slug, p.Concentration.Name,
                p.Partners.OrderBy(pp => pp.Position)
                    .Select(pp => new PartnerItem(pp.CountryCode, pp.Country == null ? null : pp.Country.Name, pp.Name)).ToList(),
                p.StartYear, p.EndYear, p.DescriptionHtml,
                // The import date of an untouched seed row says nothing about the project, so only edits are dated.
                p.SeedKey == null || p.Version > 1 ? p.UpdatedAtUtc : null))
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>Other projects with a partner in one of this project's countries.</summary>
public sealed record SameCountryProjects(string Country, string CountryName, int Total, IReadOnlyList<ProjectListItem> Items);

/// <summary>A partner of the project that is one of Seoul's sister or friendship cities.</summary>
public sealed record PartnerCity(string PartnerName, CityItem City);

/// <summary>
/// A project page: the row itself and what the portal knows around it, nothing invented. <see cref="Area"/> and
/// <see cref="SubArea"/> carry the listed and declared counts; <see cref="World"/> and <see cref="AllCities"/> feed the map.
/// </summary>
public sealed record ProjectPageViewModel(
    ProjectDetails Project,
    CataloguePage SameConcentration,
    Tally Area,
    Tally? SubArea,
    IReadOnlyList<SameCountryProjects> SameCountry,
    IReadOnlyList<PartnerCity> PartnerCities,
    CatalogueSummary World,
    IReadOnlyList<CityItem> AllCities);
