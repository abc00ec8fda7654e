using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Features.Countries;

/// <summary>Every country with a public partner city or project: the country index and the sitemap.</summary>
public static class CountryList
{
    public static async Task<IReadOnlyList<CountrySummary>> QueryAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking()
            .Select(c => new CountrySummary(
                c.Code, c.Name,
                db.Cities.Count(city => city.CountryCode == c.Code && !city.IsArchived),
                db.Projects.Count(p => !p.IsArchived && p.Partners.Any(pp => pp.CountryCode == c.Code)),
                c.Region == null ? null : c.Region.Name,
                c.Region == null ? int.MaxValue : c.Region.Position))
            .ToListAsync(cancellationToken);
        return countries
            .Where(c => c.CityCount > 0 || c.ProjectCount > 0)
            .OrderBy(c => c.RegionPosition)
            .ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
