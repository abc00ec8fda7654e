using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Cities;

namespace SeoulPolicyPortal.Web.Features.Projects;

public sealed record ProjectDetails(
    int Id, string Title, string Area, string AreaName, string Concentration, string ConcentrationName,
    IReadOnlyList<PartnerItem> Partners, int StartYear, int EndYear, string? DescriptionHtml, DateTime? EditedAtUtc)
{
    public IEnumerable<PartnerItem> Countries => Partners.Where(p => p.Country is not null).DistinctBy(p => p.Country);

    public int AreaId { get; init; }

    public int ConcentrationId { get; init; }

    /// <summary>The English title, which the address's slug is made from.</summary>
    public string EnglishTitle
    {
        get => field ?? Title;
        init;
    }

    public bool TitleUntranslated { get; init; }

    public bool DescriptionUntranslated { get; init; }

    /// <summary>The project in the reader's language; what is not translated stays English and says so.</summary>
    public ProjectDetails Translate(TranslationSet names)
    {
        if (names.IsDefault)
        {
            return this;
        }

        var key = TranslationSet.Key(Id);
        var title = names.ProjectTitle(Id, Title);
        var html = names.Html(TranslatedKinds.Project, key, TranslatedKinds.Description);
        return this with
        {
            Title = title.Text,
            EnglishTitle = Title,
            TitleUntranslated = title.IsFallback,
            AreaName = names.Area(AreaId, AreaName),
            ConcentrationName = names.Concentration(ConcentrationId, ConcentrationName),
            Partners = Partners.Select(p => p.Country is null ? p : p with { CountryName = names.Country(p.Country, p.CountryName ?? p.Country) }).ToList(),
            DescriptionHtml = html ?? DescriptionHtml,
            DescriptionUntranslated = html is null && DescriptionHtml is not null,
        };
    }

    public static Task<ProjectDetails?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking()
            .Where(p => p.Id == id && !p.IsArchived)
            .Select(p => new ProjectDetails(
                p.Id, p.Title, p.Area!.Slug, p.Area.Name, p.Concentration!.Slug, p.Concentration.Name,
                p.Partners.OrderBy(pp => pp.Position)
                    .Select(pp => new PartnerItem(pp.CountryCode, pp.Country == null ? null : pp.Country.Name, pp.Name)).ToList(),
                p.StartYear, p.EndYear, p.DescriptionHtml,
                // The import date of an untouched seed row says nothing about the project, so only edits are dated.
                p.SeedKey == null || p.Version > 1 ? p.UpdatedAtUtc : null)
            { AreaId = p.AreaId, ConcentrationId = p.ConcentrationId })
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
