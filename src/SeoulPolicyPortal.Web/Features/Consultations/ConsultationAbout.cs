using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Consultations;

public enum AboutKind
{
    Project,
    Area,
    Country,
}

/// <summary>
/// The page a request was asked from, found by id in the database (a project id, an area slug, a country code); the
/// visitor's browser never supplies a URL or a title that is trusted.
/// </summary>
public sealed record ConsultationAbout(AboutKind Kind, string Label, int? ProjectId = null, int? AreaId = null, string? AreaSlug = null, string? CountryCode = null)
{
    /// <summary>The area a request about this is filed under in the inbox.</summary>
    public int? FilingAreaId { get; init; }

    /// <summary>The public page it stands for, built with the app's routes.</summary>
    public string Href(LinkGenerator links) => Kind switch
    {
        AboutKind.Project => links.GetPathByAction("Details", "Projects", new { area = "", id = ProjectId, slug = Slug.From(Label) })!,
        // "area" is MVC's route value for areas, so the catalogue's area filter is added as a query string.
        AboutKind.Area => $"{links.GetPathByAction("Index", "Projects", new { area = "" })}?area={Uri.EscapeDataString(AreaSlug!)}",
        _ => links.GetPathByAction("Details", "Countries", new { area = "", code = CountryCode })!,
    };

    /// <summary>Reads the three "about" values; <c>Malformed</c> when one is not even the shape of an id.</summary>
    public static async Task<(ConsultationAbout? About, bool Malformed)> FindAsync(
        PortalDbContext db, string? project, string? area, string? country, CancellationToken cancellationToken)
    {
        project = QueryText.Clean(project);
        area = QueryText.Clean(area)?.ToLowerInvariant();
        country = QueryText.Clean(country)?.ToUpperInvariant();
        if (project is not null)
        {
            if (!int.TryParse(project, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return (null, true);
            }

            var found = await db.Projects.AsNoTracking().Where(p => p.Id == id && !p.IsArchived)
                .Select(p => new ConsultationAbout(AboutKind.Project, p.Title, p.Id, null, null, null) { FilingAreaId = p.AreaId })
                .SingleOrDefaultAsync(cancellationToken);
            return (found, false);
        }

        if (area is not null)
        {
            if (area.Length > 80 || !area.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return (null, true);
            }

            var found = await db.Areas.AsNoTracking().Where(a => a.Slug == area && !a.IsArchived)
                .Select(a => new ConsultationAbout(AboutKind.Area, a.Name, null, a.Id, a.Slug, null) { FilingAreaId = a.Id })
                .SingleOrDefaultAsync(cancellationToken);
            return (found, false);
        }

        if (country is not null)
        {
            if (!QueryText.IsCountryCode(country))
            {
                return (null, true);
            }

            var found = await db.Countries.AsNoTracking().Where(c => c.Code == country)
                .Select(c => new ConsultationAbout(AboutKind.Country, c.Name, null, null, null, c.Code))
                .SingleOrDefaultAsync(cancellationToken);
            return (found, false);
        }

        return (null, false);
    }
}
