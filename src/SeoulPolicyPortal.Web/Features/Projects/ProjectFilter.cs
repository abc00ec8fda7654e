using System.Globalization;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Projects;

public enum ProjectSort
{
    Newest,
    Oldest,
    Title,
}

/// <summary>The catalogue's query string exactly as received: every value a string so nothing fails in model binding.</summary>
public sealed record ProjectQueryString(
    string? Area, string? Concentration, string? Country, string? Year, string? Q, string? Sort, string? Page, string? PageSize,
    string? Region = null);

/// <summary>A catalogue view: the filters, the order and the page. The same record drives /projects and /api/projects.</summary>
/// <remarks>
/// A sub-area slug is unique only within its area ("Capacity Building" is under e-Government and under Urban Railway),
/// so the form sends a sub-area as "area/slug" and <see cref="Parse"/> splits it into both filters. A bare slug without
/// an area, as older links have it, still means that sub-area in every area that has one.
/// </remarks>
public sealed record ProjectFilter(
    string? Area = null,
    string? Concentration = null,
    string? Country = null,
    int? Year = null,
    string? Q = null,
    ProjectSort Sort = ProjectSort.Newest,
    int Page = 1,
    int PageSize = ProjectFilter.DefaultPageSize,
    string? Region = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public bool HasFilters =>
        Area is not null || Concentration is not null || Country is not null || Year is not null || Q is not null || Region is not null;

    /// <summary>True when only the area and sub-area narrow the view, so the source's declared counts still apply to it.</summary>
    public bool CountsWholeAreas => Country is null && Year is null && Q is null && Region is null;

    /// <summary>Reads the query string; values that cannot be understood are left out and reported.</summary>
    public static (ProjectFilter Filter, List<FilterProblem> Problems) Parse(ProjectQueryString query)
    {
        var problems = new List<FilterProblem>();
        var area = Slug(query.Area, "area", problems);
        var (concentrationArea, concentration) = SubArea(query.Concentration, problems);
        if (concentrationArea is not null && area is not null && concentrationArea != area)
        {
            problems.Add(new FilterProblem("concentration", "The chosen area has no sub-area “{0}”; projects in all its sub-areas are shown.",
                QueryText.Echo(query.Concentration!)));
            concentration = null;
        }

        var filter = new ProjectFilter
        {
            Area = area ?? (concentration is null ? null : concentrationArea),
            Concentration = concentration,
            Country = CountryCode(query.Country, problems),
            Region = Slug(query.Region, "region", problems),
            Year = Number(query.Year, "year", MinYear, MaxYear, "The year “{0}” is not a year between 1900 and 2100; all years are shown.", problems),
            Q = Search(query.Q, problems),
            Sort = SortOrder(query.Sort, problems),
            Page = Number(query.Page, "page", 1, MaxPage, "The page “{0}” is not a page number; the first page is shown.", problems) ?? 1,
            PageSize = Number(query.PageSize, "pageSize", 1, MaxPageSize, "The page size “{0}” must be a number from 1 to 100; 20 per page are shown.", problems)
                ?? DefaultPageSize,
        };
        return (filter, problems);
    }

    /// <summary>The query-string values that reproduce this view; defaults are left out so links stay short.</summary>
    public Dictionary<string, string?> ToRouteValues()
    {
        var values = new Dictionary<string, string?>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                values[key] = value;
            }
        }

        Add("area", Area);
        Add("concentration", Concentration);
        Add("country", Country);
        Add("region", Region);
        Add("year", Year?.ToString(CultureInfo.InvariantCulture));
        Add("q", Q);
        Add("sort", Sort == ProjectSort.Newest ? null : Sort.ToString().ToLowerInvariant());
        Add("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        Add("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        return values;
    }

    private static string? Slug(string? raw, string parameter, List<FilterProblem> problems)
    {
        var value = QueryText.Clean(raw)?.ToLowerInvariant();
        if (value is null)
        {
            return null;
        }

        if (value.Length <= 80 && value.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
        {
            return value;
        }

        problems.Add(new FilterProblem(parameter, parameter switch
        {
            "area" => "There is no area “{0}”; projects in all areas are shown.",
            "region" => "There is no region “{0}”; projects in all regions are shown.",
            _ => "There is no sub-area “{0}”; projects in all sub-areas are shown.",
        }, QueryText.Echo(raw!)));
        return null;
    }

    // "area/slug" names one area's sub-area; a bare slug names it in any area.
    private static (string? Area, string? Slug) SubArea(string? raw, List<FilterProblem> problems)
    {
        var value = QueryText.Clean(raw);
        var slash = value?.IndexOf('/') ?? -1;
        if (slash < 0)
        {
            return (null, Slug(raw, "concentration", problems));
        }

        var ignored = new List<FilterProblem>();
        var area = Slug(value![..slash], "area", ignored);
        var slug = Slug(value[(slash + 1)..], "concentration", ignored);
        if (area is null || slug is null)
        {
            problems.Add(new FilterProblem("concentration", "There is no sub-area “{0}”; projects in all sub-areas are shown.", QueryText.Echo(raw!)));
            return (null, null);
        }

        return (area, slug);
    }

    private static string? CountryCode(string? raw, List<FilterProblem> problems)
    {
        var value = QueryText.Clean(raw);
        if (value is null)
        {
            return null;
        }

        if (QueryText.IsCountryCode(value))
        {
            return value.ToUpperInvariant();
        }

        problems.Add(new FilterProblem("country",
            "“{0}” is not a two-letter country code (such as VN for Vietnam); projects in all countries are shown.", QueryText.Echo(raw!)));
        return null;
    }

    private static int? Number(string? raw, string parameter, int min, int max, string message, List<FilterProblem> problems)
    {
        var value = QueryText.Clean(raw);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add(new FilterProblem(parameter, message, QueryText.Echo(raw!)));
        return null;
    }

    private static string? Search(string? raw, List<FilterProblem> problems)
    {
        var value = QueryText.Clean(raw);
        if (value is null || value.Length <= QueryText.MaxSearchLength)
        {
            return value;
        }

        problems.Add(new FilterProblem("q", "The search text “{0}” is longer than 100 characters; only its first 100 characters are searched.",
            QueryText.Echo(raw!)));
        return value[..QueryText.MaxSearchLength].Trim();
    }

    private static ProjectSort SortOrder(string? raw, List<FilterProblem> problems)
    {
        var value = QueryText.Clean(raw);
        if (value is null)
        {
            return ProjectSort.Newest;
        }

        if (Enum.TryParse<ProjectSort>(value, ignoreCase: true, out var sort) && Enum.IsDefined(sort) && !int.TryParse(value, out _))
        {
            return sort;
        }

        problems.Add(new FilterProblem("sort", "The order “{0}” is not one of newest, oldest or title; newest first is shown.", QueryText.Echo(raw!)));
        return ProjectSort.Newest;
    }
}
