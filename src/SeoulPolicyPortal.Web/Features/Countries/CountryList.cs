using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Translations;

namespace SeoulPolicyPortal.Web.Features.Countries;

/// <summary>Every country with a public partner city or project: the country index and the sitemap.</summary>
public static class CountryList
{
    public static async Task<IReadOnlyList<CountrySummary>> QueryAsync(PortalDbContext db, CancellationToken cancellationToken, TranslationSet? names = null)
    {
        names ??= TranslationSet.English;
        var countries = await db.Countries.AsNoTracking()
            .Select(c => new CountrySummary(
                c.Code, c.Name,
                db.Cities.Count(city => city.CountryCode == c.Code && !city.IsArchived),
                db.Projects.Count(p => !p.IsArchived && p.Partners.Any(pp => pp.CountryCode == c.Code)),
                c.Region == null ? null : c.Region.Name,
                c.Region == null ? int.MaxValue : c.Region.Position)
            { RegionSlug = c.Region == null ? null : c.Region.Slug })
            .ToListAsync(cancellationToken);
        countries = countries.Select(c => c with
        {
            Name = names.Country(c.Code, c.Name),
            Region = c.RegionSlug is null ? c.Region : names.Region(c.RegionSlug, c.Region!),
        }).ToList();
        return countries
            .Where(c => c.CityCount > 0 || c.ProjectCount > 0)
            .OrderBy(c => c.RegionPosition)
            .ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>
    /// The codes of the countries that have a page (a partner city or a project), in code order: what QueryAsync
    /// lists, without counting anything (the sitemap asks for it on every part).
    /// </summary>
    public static Task<List<string>> CodesWithPagesAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Countries.AsNoTracking()
            .Where(c => db.Cities.Any(city => city.CountryCode == c.Code && !city.IsArchived)
                || db.Projects.Any(p => !p.IsArchived && p.Partners.Any(pp => pp.CountryCode == c.Code)))
            .OrderBy(c => c.Code)
            .Select(c => c.Code)
            .ToListAsync(cancellationToken);
}
