using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Changes;

public enum ChangeAction
{
    Added,
    Changed,
    Archived,
}

/// <summary>Where an entry leads: a public page, or none when what it is about is no longer public.</summary>
public sealed record ChangeTarget(string Action, string Controller, object Values, string? Fragment = null);

/// <summary>One published change, in words.</summary>
public sealed record ChangeItem(
    long Id, ChangeSubject Subject, ChangeAction Action, DateTime AtUtc, string Headline, string Title, IReadOnlyList<string> Details,
    ChangeTarget? Target);

public sealed record ChangesPage(ChangeFilter Filter, int Total, IReadOnlyList<ChangeItem> Items, string? Scope, IReadOnlyList<FilterProblem> Problems)
{
    public int PageCount => Total == 0 ? 1 : (Total + ChangeFilter.PageSize - 1) / ChangeFilter.PageSize;
}

/// <summary>
/// What changed in published content, newest first, read from the revision history: one query behind /changes and
/// /feed.atom. Only what readers could see is told: a project or city added (or brought back from the archive), changed
/// while public, or archived, and overview sections changed. Edits to rows that were archived at the time, and fields
/// readers never see, are left out; the words name what changed and its new value, never an earlier one.
/// </summary>
/// <remarks>
/// Revisions are append-only, so the derived entries are kept under ContentVersion and, when it moves, only revisions
/// not seen before are read (by id, not "newer than", so a transaction that committed late is not missed). Names and
/// links are resolved per request from current lookups: a renamed area reads with its new name, and an entry about a
/// project archived since links nowhere.
/// </remarks>
public sealed class ChangeLog(PortalDbContext db, PublishedContentCache cache, IStringLocalizer<SharedResource> localizer)
{
    public const int FeedSize = 50;

    public async Task<ChangesPage> QueryAsync(ChangeFilter filter, int pageSize, CancellationToken cancellationToken)
    {
        var history = await cache.GetOrUpdateAsync<History>(db, "changes", UpdateAsync, cancellationToken);
        var lookups = history.Lookups;
        var problems = new List<FilterProblem>();
        int? areaId = null;
        if (filter.Area is not null)
        {
            if (lookups.Areas.FirstOrDefault(a => a.Value.Slug == filter.Area) is { Value: not null } area)
            {
                areaId = area.Key;
            }
            else
            {
                problems.Add(new FilterProblem("area", "There is no area “{0}”; changes in all areas are shown.", filter.Area));
                filter = filter with { Area = null };
            }
        }

        if (filter.Country is not null && !lookups.Countries.ContainsKey(filter.Country))
        {
            problems.Add(new FilterProblem("country", "No partner country has the code “{0}”; changes in all countries are shown.", filter.Country));
            filter = filter with { Country = null };
        }

        var matching = history.Records.Where(r =>
                (filter.Kind is null || r.Subject == filter.Kind)
                && (areaId is null || r.AreaIds.Contains(areaId.Value))
                && (filter.Country is null || r.Countries.Contains(filter.Country)))
            .ToList();
        var pageCount = matching.Count == 0 ? 1 : (matching.Count + pageSize - 1) / pageSize;
        if (filter.Page > pageCount)
        {
            problems.Add(new FilterProblem("page", "Page {0} is past the last page of results; the last page is shown.", filter.Page.ToString(CultureInfo.InvariantCulture)));
            filter = filter with { Page = pageCount };
        }

        var items = matching.Skip((filter.Page - 1) * pageSize).Take(pageSize).Select(r => Describe(r, lookups)).ToList();
        return new ChangesPage(filter, matching.Count, items, Scope(filter, lookups), problems);
    }

    // "Vietnam", "Transportation · Vietnam", "Partner cities": what a filtered feed is about, for its title.
    private string? Scope(ChangeFilter filter, Lookups lookups)
    {
        var parts = new List<string>();
        if (filter.Kind is { } kind)
        {
            parts.Add(kind switch
            {
                ChangeSubject.Project => localizer["Projects"],
                ChangeSubject.City => localizer["Partner cities"],
                _ => localizer["Overview"],
            });
        }

        if (filter.Area is not null)
        {
            parts.Add(lookups.Areas.Values.First(a => a.Slug == filter.Area).Name);
        }

        if (filter.Country is not null)
        {
            parts.Add(lookups.Countries[filter.Country]);
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private ChangeItem Describe(ChangeRecord record, Lookups lookups)
    {
        string Area(int id) => lookups.Areas.GetValueOrDefault(id)?.Name ?? "?";
        string SubArea(int id) => lookups.Concentrations.GetValueOrDefault(id) ?? "?";
        string Country(string? code) => code is null ? "" : lookups.Countries.GetValueOrDefault(code) ?? code;
        string Years(int start, int end) => Projects.ProjectMarkup.YearsText(start, end);
        string Partners(IReadOnlyList<PartnerSnapshot> partners) => string.Join("; ", partners.Select(p =>
            Projects.ProjectMarkup.PartnerText(new Projects.PartnerItem(p.CountryCode, p.CountryCode is null ? null : Country(p.CountryCode), p.Name))));

        var details = new List<string>();
        string headline;
        ChangeTarget? target = null;
        switch (record.Shown)
        {
            case ProjectSnapshot p:
                headline = record.Action switch
                {
                    ChangeAction.Added => localizer["Project added"],
                    ChangeAction.Changed => localizer["Project changed"],
                    _ => localizer["Project archived"],
                };
                if (record.Action == ChangeAction.Added)
                {
                    details.Add(localizer["{0} › {1}, {2}.", Area(p.AreaId), SubArea(p.ConcentrationId), Years(p.StartYear, p.EndYear)]);
                    if (p.Partners.Count > 0)
                    {
                        details.Add(localizer["Partners: {0}.", Partners(p.Partners)]);
                    }
                }
                else if (record.Action == ChangeAction.Archived)
                {
                    details.Add(localizer["Removed from the catalogue."]);
                }

                foreach (var field in record.Fields)
                {
                    details.Add(field switch
                    {
                        ChangedField.Title => localizer["Title changed."],
                        ChangedField.Area => localizer["Area is now {0}.", Area(p.AreaId)],
                        ChangedField.SubArea => localizer["Sub-area is now {0}.", SubArea(p.ConcentrationId)],
                        ChangedField.Years => localizer["Years are now {0}.", Years(p.StartYear, p.EndYear)],
                        ChangedField.Partners => p.Partners.Count == 0 ? localizer["Partners removed."] : localizer["Partners are now {0}.", Partners(p.Partners)],
                        _ => localizer["Description changed."],
                    });
                }

                if (lookups.PublicProjects.TryGetValue(record.EntityId, out var slug))
                {
                    target = new ChangeTarget("Details", "Projects", new { id = record.EntityId, slug });
                }

                break;

            case CitySnapshot c:
                var sister = c.Relationship == CityRelationship.Sister;
                headline = record.Action switch
                {
                    ChangeAction.Added => localizer["Partner city added"],
                    ChangeAction.Changed => localizer["Partner city changed"],
                    _ => localizer["Partner city archived"],
                };
                if (record.Action == ChangeAction.Added)
                {
                    details.Add(sister ? localizer["New sister city in {0}.", Country(c.CountryCode)] : localizer["New friendship city in {0}.", Country(c.CountryCode)]);
                    if (c.SinceYear is int since)
                    {
                        details.Add(localizer["Partner since {0}.", since.ToString(CultureInfo.InvariantCulture)]);
                    }
                }
                else if (record.Action == ChangeAction.Archived)
                {
                    details.Add(localizer["Removed from the partner cities."]);
                }

                foreach (var field in record.Fields)
                {
                    details.Add(field switch
                    {
                        ChangedField.Title => localizer["Name changed."],
                        ChangedField.Country => localizer["Country is now {0}.", Country(c.CountryCode)],
                        ChangedField.Region => localizer["Region is now {0}.", lookups.Regions.GetValueOrDefault(c.RegionId) ?? "?"],
                        ChangedField.Relationship => sister ? localizer["Now a sister city."] : localizer["Now a friendship city."],
                        ChangedField.Since => c.SinceYear is int year
                            ? localizer["Partner since {0}.", year.ToString(CultureInfo.InvariantCulture)]
                            : localizer["The year the relationship began is no longer stated."],
                        _ => localizer["Note changed."],
                    });
                }

                if (lookups.PublicCities.Contains(record.EntityId))
                {
                    target = new ChangeTarget("Details", "Countries", new { code = c.CountryCode });
                }

                break;

            default:
                var s = (ContentSnapshot)record.Shown;
                headline = localizer["Overview changed"];
                details.Add(record.Action switch
                {
                    ChangeAction.Added => localizer["New section of the overview."],
                    ChangeAction.Archived => localizer["Section removed from the overview."],
                    _ => string.Join(" ", record.Fields.Select(f => f switch
                    {
                        ChangedField.Title => localizer["Title changed."].Value,
                        ChangedField.Position => localizer["Moved on the page."].Value,
                        _ => localizer["Text changed."].Value,
                    })),
                });
                if (lookups.PublicSections.TryGetValue(record.EntityId, out var sectionSlug))
                {
                    target = new ChangeTarget("Index", "Overview", new { }, sectionSlug);
                }

                break;
        }

        return new ChangeItem(record.RevisionId, record.Subject, record.Action, record.AtUtc, headline, record.Title, details, target);
    }

    private async Task<History> UpdateAsync(History? previous, CancellationToken cancellationToken)
    {
        var lookups = await LookupsAsync(cancellationToken);
        var ids = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == ContentKind.Project.Type || r.EntityType == ContentKind.City.Type || r.EntityType == ContentKind.Content.Type)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var seen = previous?.Seen ?? [];
        var records = previous?.Records.ToList() ?? [];
        foreach (var chunk in ids.Where(id => !seen.Contains(id)).Chunk(500))
        {
            var revisions = await db.Revisions.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(cancellationToken);
            records.AddRange(revisions.Select(Classify).OfType<ChangeRecord>());
        }

        records.Sort((a, b) => b.AtUtc != a.AtUtc ? b.AtUtc.CompareTo(a.AtUtc) : b.RevisionId.CompareTo(a.RevisionId));
        return new History(ids.ToHashSet(), records, lookups);
    }

    private async Task<Lookups> LookupsAsync(CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AreaName(a.Slug, a.Name), cancellationToken);
        var concentrations = await db.Concentrations.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => !p.IsArchived).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        var cities = await db.Cities.AsNoTracking().Where(c => !c.IsArchived).Select(c => c.Id).ToListAsync(cancellationToken);
        var sections = await db.ContentSections.AsNoTracking().Where(s => !s.IsArchived).ToDictionaryAsync(s => s.Id, s => s.Slug, cancellationToken);
        return new Lookups(areas, concentrations, regions, countries,
            projects.ToDictionary(p => p.Id, p => Infrastructure.Slug.From(p.Title)), cities.ToHashSet(), sections);
    }

    /// <summary>What a revision tells readers, or null when it changed nothing they could see.</summary>
    internal static ChangeRecord? Classify(Revision revision)
    {
        if (revision.EntityType == ContentKind.Project.Type)
        {
            return Classify<ProjectSnapshot>(revision, ChangeSubject.Project, p => p.IsArchived, p => p.Title, ProjectFields,
                p => p.Partners.Where(pp => pp.CountryCode is not null).Select(pp => pp.CountryCode!.ToUpperInvariant()), p => [p.AreaId],
                p => p with { DescriptionMarkdown = null });
        }

        if (revision.EntityType == ContentKind.City.Type)
        {
            return Classify<CitySnapshot>(revision, ChangeSubject.City, c => c.IsArchived, c => c.Name, CityFields,
                c => [c.CountryCode.ToUpperInvariant()], _ => [], c => c);
        }

        return Classify<ContentSnapshot>(revision, ChangeSubject.Section, s => s.IsArchived, s => s.Title, SectionFields,
            _ => [], _ => [], s => s with { BodyMarkdown = "" });
    }

    private static ChangeRecord? Classify<T>(
        Revision revision, ChangeSubject subject, Func<T, bool> archived, Func<T, string> title, Func<T, T, IEnumerable<ChangedField>> fields,
        Func<T, IEnumerable<string>> countries, Func<T, IEnumerable<int>> areas, Func<T, T> shown)
        where T : class
    {
        var after = JsonSerializer.Deserialize<T>(revision.SnapshotJson, ContentKind.Json)!;
        var before = revision.PreviousSnapshotJson is null ? null : JsonSerializer.Deserialize<T>(revision.PreviousSnapshotJson, ContentKind.Json);
        var wasPublic = before is not null && !archived(before);
        var isPublic = !archived(after);
        var (action, state) = (wasPublic, isPublic) switch
        {
            (false, true) => (ChangeAction.Added, after),
            (true, true) => (ChangeAction.Changed, after),
            (true, false) => (ChangeAction.Archived, before!),
            // Changes to something readers could not see, before or after.
            _ => ((ChangeAction?)null, after),
        };
        if (action is null)
        {
            return null;
        }

        var changed = action == ChangeAction.Changed ? fields(before!, after).ToList() : [];
        if (action == ChangeAction.Changed && changed.Count == 0)
        {
            return null;
        }

        // A change is about every country and area it touched: moving a project from VN to PH reaches both feeds.
        var states = before is null ? new[] { after } : [before, after];
        return new ChangeRecord(revision.Id, subject, action.Value, revision.EntityId, DateTime.SpecifyKind(revision.ChangedAtUtc, DateTimeKind.Utc),
            title(state), changed, states.SelectMany(countries).ToHashSet(), states.SelectMany(areas).ToHashSet(), shown(state));
    }

    private static IEnumerable<ChangedField> ProjectFields(ProjectSnapshot before, ProjectSnapshot after)
    {
        if (before.Title != after.Title) yield return ChangedField.Title;
        if (before.AreaId != after.AreaId) yield return ChangedField.Area;
        if (before.ConcentrationId != after.ConcentrationId) yield return ChangedField.SubArea;
        if (before.StartYear != after.StartYear || before.EndYear != after.EndYear) yield return ChangedField.Years;
        if (!before.Partners.SequenceEqual(after.Partners)) yield return ChangedField.Partners;
        if (before.DescriptionMarkdown != after.DescriptionMarkdown) yield return ChangedField.Description;
    }

    private static IEnumerable<ChangedField> CityFields(CitySnapshot before, CitySnapshot after)
    {
        if (before.Name != after.Name) yield return ChangedField.Title;
        if (before.CountryCode != after.CountryCode) yield return ChangedField.Country;
        if (before.RegionId != after.RegionId) yield return ChangedField.Region;
        if (before.Relationship != after.Relationship) yield return ChangedField.Relationship;
        if (before.SinceYear != after.SinceYear) yield return ChangedField.Since;
        if (before.Note != after.Note) yield return ChangedField.Note;
    }

    private static IEnumerable<ChangedField> SectionFields(ContentSnapshot before, ContentSnapshot after)
    {
        if (before.Title != after.Title) yield return ChangedField.Title;
        if (before.BodyMarkdown != after.BodyMarkdown) yield return ChangedField.Text;
        if (before.Position != after.Position) yield return ChangedField.Position;
    }

    internal enum ChangedField
    {
        Title,
        Area,
        SubArea,
        Years,
        Partners,
        Description,
        Country,
        Region,
        Relationship,
        Since,
        Note,
        Text,
        Position,
    }

    /// <summary>A revision as readers see it; the snapshot shown is the public state, without long Markdown.</summary>
    internal sealed record ChangeRecord(
        long RevisionId, ChangeSubject Subject, ChangeAction Action, int EntityId, DateTime AtUtc, string Title, IReadOnlyList<ChangedField> Fields,
        HashSet<string> Countries, HashSet<int> AreaIds, object Shown);

    private sealed record AreaName(string Slug, string Name);

    private sealed record Lookups(
        Dictionary<int, AreaName> Areas, Dictionary<int, string> Concentrations, Dictionary<int, string> Regions, Dictionary<string, string> Countries,
        Dictionary<int, string> PublicProjects, HashSet<int> PublicCities, Dictionary<int, string> PublicSections);

    private sealed record History(HashSet<long> Seen, List<ChangeRecord> Records, Lookups Lookups);
}
