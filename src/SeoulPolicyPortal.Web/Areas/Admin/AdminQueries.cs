using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin;

public sealed record DashboardCount(string Label, int Active, int Archived, string Link);

public sealed record RecentChange(string Segment, int EntityId, string Noun, string Label, string Action, int Version, DateTime ChangedAtUtc, string ChangedBy);

/// <summary>One data-quality finding; <see cref="Detail"/> is interface text with {0}, {1} for <see cref="Values"/>.</summary>
public sealed record QualityIssue(string Kind, string Label, string Detail, string Link, params object[] Values);

/// <summary>The findings of one check, with why the check matters (interface text).</summary>
public sealed record QualityGroup(string Kind, string Why, IReadOnlyList<QualityIssue> Items);

public sealed record DashboardViewModel(IReadOnlyList<DashboardCount> Counts, IReadOnlyList<RecentChange> Recent, IReadOnlyList<QualityGroup> Quality);

/// <summary>
/// One line of the audit log: <see cref="Kind"/> is the stored code, an account event's or (with <see cref="Noun"/>)
/// a content change's action; the page turns it into a sentence (Audit/AuditSentences).
/// </summary>
/// <param name="What">A change's row label, or an event's stored detail (<see cref="AuditDetail"/>).</param>
/// <param name="Version">The version a change made.</param>
public sealed record AuditEntry(DateTime AtUtc, string Kind, string? Noun, string Who, string? Email, string? What, int? Version, string? Link, string? IpAddress);

public sealed record AuditViewModel(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore);

/// <summary>The admin area's read-only questions: dashboard, data quality, audit log and the lists the edit forms offer.</summary>
public sealed class AdminQueries(PortalDbContext db, LinkGenerator links)
{
    /// <summary>An admin page's path, from the routes rather than typed out.</summary>
    private string Link(string controller, string action, object? values = null)
    {
        var routeValues = new RouteValueDictionary(values) { ["area"] = "Admin" };
        return links.GetPathByAction(action, controller, routeValues)
            ?? throw new InvalidOperationException($"No admin route for {controller}.{action}.");
    }

    private string EditLink(ContentKind kind, int id) => Link(kind.Controller, "Edit", new { id });

    public async Task<DashboardViewModel> DashboardAsync(CancellationToken cancellationToken)
    {
        async Task<DashboardCount> Count<T>(IQueryable<T> rows, string label, string link) where T : EditableEntity =>
            new(label, await rows.CountAsync(r => !r.IsArchived, cancellationToken), await rows.CountAsync(r => r.IsArchived, cancellationToken), link);

        var counts = new List<DashboardCount>
        {
            await Count(db.Projects, "Projects", Link("Projects", "Index")),
            await Count(db.Cities, "Partner cities", Link("Cities", "Index")),
            await Count(db.Areas, "Areas", Link("Areas", "Index")),
            await Count(db.Concentrations, "Sub-areas", Link("Areas", "Index")),
            await Count(db.ContentSections, "Overview sections", Link("Content", "Index")),
            await Count(db.Countries, "Countries", Link("Countries", "Index")),
            await Count(db.Regions, "Regions", Link("Regions", "Index")),
        };

        var recent = (await db.Revisions.AsNoTracking().OrderByDescending(r => r.Id).Take(10).ToListAsync(cancellationToken))
            .Select(ToRecent).OfType<RecentChange>().ToList();
        return new DashboardViewModel(counts, recent, Group(await QualityAsync(cancellationToken)));
    }

    internal static RecentChange? ToRecent(Revision r) => ContentKind.FromType(r.EntityType) is { } kind
        ? new RecentChange(kind.Segment, r.EntityId, kind.Noun, r.Label, r.Action, r.Version, r.ChangedAtUtc, r.ChangedBy)
        : null;

    /// <summary>
    /// One group per check, in the order <see cref="QualityAsync"/> runs them, which is most important first: figures
    /// readers see that disagree with the lists, then projects missing from the country pages, then missing years.
    /// </summary>
    private static IReadOnlyList<QualityGroup> Group(IReadOnlyList<QualityIssue> issues) =>
        issues.GroupBy(i => i.Kind).Select(g => new QualityGroup(g.Key, QualityWhy.GetValueOrDefault(g.Key, ""), g.ToList())).ToList();

    private static readonly Dictionary<string, string> QualityWhy = new()
    {
        ["Declared vs listed"] = "Readers see a stated figure that the list below it does not match.",
        ["Project without a country"] = "The project is missing from every country page and from the map.",
        ["City without a since-year"] = "The directory cannot say since when the city has been a partner.",
    };

    /// <summary>Where the stated figures and the listed rows disagree, and rows missing what readers expect.</summary>
    public async Task<IReadOnlyList<QualityIssue>> QualityAsync(CancellationToken cancellationToken)
    {
        var issues = new List<QualityIssue>();
        var projects = db.Projects.AsNoTracking().Where(p => !p.IsArchived);

        var areas = await db.Areas.AsNoTracking().Where(a => !a.IsArchived && a.DeclaredProjectCount != null).OrderBy(a => a.Position)
            .Select(a => new { a.Id, a.Name, a.DeclaredProjectCount, Listed = projects.Count(p => p.AreaId == a.Id) })
            .ToListAsync(cancellationToken);
        issues.AddRange(areas.Where(a => a.DeclaredProjectCount != a.Listed).Select(a => new QualityIssue(
            "Declared vs listed", a.Name, "{0} declared, {1} listed", EditLink(ContentKind.Area, a.Id), a.DeclaredProjectCount!, a.Listed)));

        var concentrations = await db.Concentrations.AsNoTracking().Where(c => !c.IsArchived && c.DeclaredProjectCount != null)
            .OrderBy(c => c.Area!.Position).ThenBy(c => c.Position)
            .Select(c => new { c.Id, c.Name, AreaName = c.Area!.Name, c.DeclaredProjectCount, Listed = projects.Count(p => p.ConcentrationId == c.Id) })
            .ToListAsync(cancellationToken);
        issues.AddRange(concentrations.Where(c => c.DeclaredProjectCount != c.Listed).Select(c => new QualityIssue(
            "Declared vs listed", $"{c.AreaName} › {c.Name}", "{0} declared, {1} listed", EditLink(ContentKind.Concentration, c.Id), c.DeclaredProjectCount!, c.Listed)));

        var regions = await db.Regions.AsNoTracking().Where(r => r.DeclaredCityCount != null).OrderBy(r => r.Position)
            .Select(r => new { r.Slug, r.Name, r.DeclaredCityCount, Listed = db.Cities.Count(c => c.RegionId == r.Id && !c.IsArchived) })
            .ToListAsync(cancellationToken);
        issues.AddRange(regions.Where(r => r.DeclaredCityCount != r.Listed).Select(r => new QualityIssue(
            "Declared vs listed", r.Name, "{0} declared, {1} listed", Link("Cities", "Index", new { region = r.Slug }), r.DeclaredCityCount!, r.Listed)));

        var withoutCountry = await projects.Where(p => !p.Partners.Any(pp => pp.CountryCode != null)).OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        issues.AddRange(withoutCountry.Select(p => new QualityIssue("Project without a country", p.Title, "No partner has a country", EditLink(ContentKind.Project, p.Id))));

        var withoutYear = await db.Cities.AsNoTracking().Where(c => !c.IsArchived && c.SinceYear == null).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, Country = c.Country!.Name }).ToListAsync(cancellationToken);
        issues.AddRange(withoutYear.Select(c => new QualityIssue("City without a since-year", c.Name, "{0}", EditLink(ContentKind.City, c.Id), c.Country)));
        return issues;
    }

    public async Task<AuditViewModel> AuditAsync(int page, CancellationToken cancellationToken)
    {
        const int pageSize = 100;
        var take = page * pageSize + 1;
        var revisions = await db.Revisions.AsNoTracking().OrderByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
        var entries = revisions.Select(r => ToRecent(r) is { } c
                ? new AuditEntry(r.ChangedAtUtc, c.Action, c.Noun, c.ChangedBy, null, c.Label, c.Version, Link("Revisions", "History", new { segment = c.Segment, id = c.EntityId }), null)
                : null)
            .OfType<AuditEntry>()
            .Concat(events.Select(e => new AuditEntry(e.AtUtc, e.Kind, null, e.ActedBy ?? e.Email ?? "", e.Email, e.Detail, null, null, e.IpAddress)))
            .OrderByDescending(e => e.AtUtc)
            .ToList();
        return new AuditViewModel(entries.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, entries.Count > page * pageSize);
    }

    public async Task<EditLookups> LookupsAsync(CancellationToken cancellationToken)
    {
        static string Mark(string name, bool archived) => archived ? $"{name} (archived)" : name;

        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position)
            .Select(a => new { a.Id, a.Name, a.IsArchived }).ToListAsync(cancellationToken);
        var concentrations = await db.Concentrations.AsNoTracking().OrderBy(c => c.Area!.Position).ThenBy(c => c.Position)
            .Select(c => new { c.Id, c.Name, c.IsArchived, AreaName = c.Area!.Name }).ToListAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Code, c.Name, Region = c.Region!.Name }).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Position).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        return new EditLookups(
            areas.Select(a => new Option(a.Id.ToString(), Mark(a.Name, a.IsArchived))).ToList(),
            concentrations.Select(c => new Option(c.Id.ToString(), Mark(c.Name, c.IsArchived), c.AreaName)).ToList(),
            countries.Select(c => new Option(c.Code, c.Name)).ToList(),
            regions.Select(r => new Option(r.Id.ToString(), r.Name)).ToList(),
            countries.Where(c => c.Region != null).ToDictionary(c => c.Code, c => c.Region!, StringComparer.OrdinalIgnoreCase));
    }

    public async Task<SnapshotNames> SnapshotNamesAsync(CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id.ToString(), a => a.Name, cancellationToken);
        var concentrations = await db.Concentrations.AsNoTracking().ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id.ToString(), r => r.Name, cancellationToken);
        return new SnapshotNames(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["areaId"] = areas,
            ["concentrationId"] = concentrations,
            ["regionId"] = regions,
        });
    }

    public async Task<IReadOnlyList<UserItem>> UsersAsync(CancellationToken cancellationToken)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return users.Select(u => new UserItem(
                u.Id, u.Email ?? u.UserName ?? u.Id, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
                u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end.UtcDateTime : null, u.AccessFailedCount))
            .ToList();
    }
}

public sealed record UserItem(string Id, string Email, IReadOnlyList<string> Roles, DateTime? LockedUntilUtc, int FailedSignIns);
