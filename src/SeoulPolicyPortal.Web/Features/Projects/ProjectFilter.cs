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
    string? Area, string? Concentration, string? Country, string? Year, string? Q, string? Sort, string? Page, string? PageSize);

/// <summary>A catalogue view: the filters, the order and the page. The same record drives /projects and /api/projects.</summary>
public sealed record ProjectFilter(
    string? Area = null,
    string? Concentration = null,
    string? Country = null,
    int? Year = null,
    string? Q = null,
    ProjectSort Sort = ProjectSort.Newest,
    int Page = 1,
    int PageSize = ProjectFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public bool HasFilters => Area is not null || Concentration is not null || Country is not null || Year is not null || Q is not null;

    /// <summary>Reads the query string; values that cannot be understood are left out and reported.</summary>
    public static (ProjectFilter Filter, List<FilterProblem> Problems) Parse(ProjectQueryString query)
    {
        var problems = new List<FilterProblem>();
        var filter = new ProjectFilter
        {
            Area = Slug(query.Area, "area", problems),
            Concentration = Slug(query.Concentration, "concentration", problems),
            Country = CountryCode(query.Country, problems),
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

        problems.Add(new FilterProblem(parameter, parameter == "area"
            ? "There is no area “{0}”; projects in all areas are shown."
            : "There is no sub-area “{0}”; projects in all sub-areas are shown.", QueryText.Echo(raw!)));
        return null;
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
