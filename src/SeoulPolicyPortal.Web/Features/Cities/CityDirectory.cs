using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Search;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Cities;

public sealed record CityQueryString(string? Region, string? Type, string? Country, string? Q);

public sealed record CityFilter(string? Region = null, CityRelationship? Type = null, string? Country = null, string? Q = null)
{
    public bool HasFilters => Region is not null || Type is not null || Country is not null || Q is not null;

    public static (CityFilter Filter, List<FilterProblem> Problems) Parse(CityQueryString query)
    {
        var problems = new List<FilterProblem>();
        var filter = new CityFilter();

        var region = QueryText.Clean(query.Region)?.ToLowerInvariant();
        if (region is not null)
        {
            if (region.Length <= 40 && region.All(c => c is >= 'a' and <= 'z' or '-'))
            {
                filter = filter with { Region = region };
            }
            else
            {
                problems.Add(new FilterProblem("region", "There is no region “{0}”; cities in all regions are shown.", QueryText.Echo(query.Region!)));
            }
        }

        var type = QueryText.Clean(query.Type)?.ToLowerInvariant();
        if (type is not null)
        {
            filter = type switch
            {
                "sister" => filter with { Type = CityRelationship.Sister },
                "friendship" => filter with { Type = CityRelationship.Friendship },
                _ => filter,
            };
            if (filter.Type is null)
            {
                problems.Add(new FilterProblem("type", "“{0}” is not a relationship type (sister or friendship); both are shown.", QueryText.Echo(query.Type!)));
            }
        }

        var country = QueryText.Clean(query.Country);
        if (country is not null)
        {
            if (QueryText.IsCountryCode(country))
            {
                filter = filter with { Country = country.ToUpperInvariant() };
            }
            else
            {
                problems.Add(new FilterProblem("country",
                    "“{0}” is not a two-letter country code (such as VN for Vietnam); cities in all countries are shown.", QueryText.Echo(query.Country!)));
            }
        }

        var q = QueryText.Clean(query.Q);
        if (q is not null && q.Length > QueryText.MaxSearchLength)
        {
            problems.Add(new FilterProblem("q", "The search text “{0}” is longer than 100 characters; only its first 100 characters are searched.",
                QueryText.Echo(query.Q!)));
            q = q[..QueryText.MaxSearchLength].Trim();
        }

        return (filter with { Q = q }, problems);
    }

    public Dictionary<string, string?> ToRouteValues(string? without = null)
    {
        var values = new Dictionary<string, string?>();
        if (Region is not null && without != "region") values["region"] = Region;
        if (Type is not null && without != "type") values["type"] = Type.Value.ToString().ToLowerInvariant();
        if (Country is not null && without != "country") values["country"] = Country;
        if (Q is not null && without != "q") values["q"] = Q;
        return values;
    }
}

public sealed record CityItem(
    int Id, string Name, string Country, string CountryName, string Region, CityRelationship Type, int? Since, string? Note,
    double? Latitude = null, double? Longitude = null)
{
    /// <summary>The city's English name, which project partners are written in, whatever language <see cref="Name"/> is in.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EnglishName
    {
        get => field ?? Name;
        init;
    }
}

public sealed record RegionGroup(string Slug, string Name, int? DeclaredTotal, int ListedTotal, IReadOnlyList<CityItem> Cities);

public sealed record RegionOption(string Slug, string Name);

public sealed record CountryOption(string Code, string Name);

/// <summary>The totals the source document states for the whole table (71 cities: 23 sister, 48 friendship).</summary>
public sealed record DeclaredCityTotals(int? Total, int? Sister, int? Friendship);

public sealed record CityDirectoryPage(
    CityFilter Filter, int Total, IReadOnlyList<RegionGroup> Regions, IReadOnlyList<RegionOption> RegionOptions,
    IReadOnlyList<CountryOption> CountryOptions, IReadOnlyList<FilterProblem> Problems, DeclaredCityTotals? Declared = null)
{
    public IEnumerable<CityItem> Cities => Regions.SelectMany(r => r.Cities);
}

/// <summary>
/// The partner-city directory's one query, shared by /cities, /api/cities and the country pages. The directory is small
/// (tens of cities) and changes only when an editor saves, so its rows are read once per ContentVersion and filtered
/// in memory with the same rules SQL applied.
/// </summary>
public sealed class CityDirectory(PortalDbContext db, PublishedContentCache cache, ContentTranslations translations, ISearchIndex search)
{
    public async Task<CityDirectoryPage> QueryAsync(CityFilter filter, CancellationToken cancellationToken)
    {
        var problems = new List<FilterProblem>();
        var names = await translations.CurrentAsync(cancellationToken);
        var rows = await cache.GetOrLoadAsync(db, "cities:" + names.Culture, async ct => Translate(await LoadAsync(ct), names), cancellationToken);
        if (filter.Region is not null && rows.Regions.All(r => r.Slug != filter.Region))
        {
            problems.Add(new FilterProblem("region", "There is no region “{0}”; cities in all regions are shown.", filter.Region));
            filter = filter with { Region = null };
        }

        // A country with a listed city is known from the rows; only another code costs a look-up.
        if (filter.Country is not null && rows.Countries.All(c => c.Code != filter.Country)
            && !await db.Countries.AnyAsync(c => c.Code == filter.Country, cancellationToken))
        {
            problems.Add(new FilterProblem("country", "No partner country has the code “{0}”; cities in all countries are shown.", filter.Country));
            filter = filter with { Country = null };
        }

        // The text search is the full-text index's: every language, the source's spellings, prefixes.
        var found = filter.Q is null ? null
            : (await search.FindAsync(SearchQuery.Parse(filter.Q), SearchKinds.City, cancellationToken)).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        var cities = rows.Cities
            .Where(c => (filter.Region is null || c.Item.Region == filter.Region)
                && (filter.Type is null || c.Item.Type == filter.Type)
                && (filter.Country is null || c.Item.Country == filter.Country)
                && (found is null || found.Contains(c.Item.Id.ToString(CultureInfo.InvariantCulture))))
            .ToList();

        var listedPerRegion = rows.Cities.CountBy(c => c.RegionId).ToDictionary();
        var groups = rows.Regions
            .Select(r => new RegionGroup(r.Slug, r.Name, r.DeclaredCityCount, listedPerRegion.GetValueOrDefault(r.Id),
                cities.Where(c => c.RegionId == r.Id).Select(c => c.Item).ToList()))
            .Where(g => g.Cities.Count > 0)
            .ToList();

        return new CityDirectoryPage(filter, cities.Count, groups, rows.Regions.Select(r => new RegionOption(r.Slug, r.Name)).ToList(),
            rows.Countries, problems, rows.Declared);
    }

    private async Task<DirectoryRows> LoadAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Position)
            .Select(r => new RegionRow(r.Id, r.Slug, r.Name, r.DeclaredCityCount))
            .ToListAsync(cancellationToken);
        var cities = (await db.Cities.AsNoTracking().Where(c => !c.IsArchived)
                .Select(c => new CityRow(c.RegionId, c.SearchText,
                    new CityItem(c.Id, c.Name, c.CountryCode, c.Country!.Name, c.Region!.Slug, c.Relationship, c.SinceYear, c.Note,
                        c.Latitude, c.Longitude)))
                .ToListAsync(cancellationToken))
            // Sister cities first, as the source table lists them.
            .OrderBy(c => c.Item.Type).ThenBy(c => c.Item.Name, StringComparer.Ordinal)
            .ToList();
        var countries = cities.Select(c => new CountryOption(c.Item.Country, c.Item.CountryName))
            .DistinctBy(c => c.Code)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var stated = await db.StatedFigures.AsNoTracking()
            .Where(f => f.Key == "partner-cities" || f.Key == "sister-cities" || f.Key == "friendship-cities")
            .ToDictionaryAsync(f => f.Key, f => f.Value, cancellationToken);
        var declared = new DeclaredCityTotals(stated.TryGetValue("partner-cities", out var total) ? total : null,
            stated.TryGetValue("sister-cities", out var sister) ? sister : null,
            stated.TryGetValue("friendship-cities", out var friendship) ? friendship : null);
        return new DirectoryRows(regions, cities, countries, declared);
    }

    private static DirectoryRows Translate(DirectoryRows rows, TranslationSet names)
    {
        if (names.IsDefault)
        {
            return rows;
        }

        var cities = rows.Cities.Select(c => c with
        {
            Item = c.Item with { Name = names.City(c.Item.Id, c.Item.Name), CountryName = names.Country(c.Item.Country, c.Item.CountryName), EnglishName = c.Item.Name },
        }).OrderBy(c => c.Item.Type).ThenBy(c => c.Item.Name, StringComparer.Create(CultureInfo.GetCultureInfo(names.Culture), false)).ToList();
        var countries = rows.Countries.Select(c => c with { Name = names.Country(c.Code, c.Name) })
            .OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo(names.Culture), false)).ToList();
        return new DirectoryRows(rows.Regions.Select(r => r with { Name = names.Region(r.Slug, r.Name) }).ToList(), cities, countries, rows.Declared);
    }

    private sealed record RegionRow(int Id, string Slug, string Name, int? DeclaredCityCount);

    private sealed record CityRow(int RegionId, string SearchText, CityItem Item);

    private sealed record DirectoryRows(List<RegionRow> Regions, List<CityRow> Cities, List<CountryOption> Countries, DeclaredCityTotals Declared);
}
