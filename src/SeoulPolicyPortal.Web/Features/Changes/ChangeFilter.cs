using System.Globalization;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Features.Changes;

/// <summary>Which published changes: projects, partner cities or the overview.</summary>
public enum ChangeSubject
{
    Project,
    City,
    Section,
}

/// <summary>/changes and /feed.atom's query string exactly as received.</summary>
public sealed record ChangeQueryString(string? Kind, string? Area, string? Country, string? Page);

public sealed record ChangeFilter(ChangeSubject? Kind = null, string? Area = null, string? Country = null, int Page = 1)
{
    public const int PageSize = 20;

    public bool HasFilters => Kind is not null || Area is not null || Country is not null;

    public static readonly IReadOnlyDictionary<string, ChangeSubject> Kinds = new Dictionary<string, ChangeSubject>
    {
        ["projects"] = ChangeSubject.Project,
        ["cities"] = ChangeSubject.City,
        ["overview"] = ChangeSubject.Section,
    };

    public static (ChangeFilter Filter, List<FilterProblem> Problems) Parse(ChangeQueryString query)
    {
        var problems = new List<FilterProblem>();
        var filter = new ChangeFilter();

        if (QueryText.Clean(query.Kind)?.ToLowerInvariant() is { } kind)
        {
            if (Kinds.TryGetValue(kind, out var subject))
            {
                filter = filter with { Kind = subject };
            }
            else
            {
                problems.Add(new FilterProblem("kind", "“{0}” is not one of projects, cities or overview; every kind of change is shown.", QueryText.Echo(query.Kind!)));
            }
        }

        if (QueryText.Clean(query.Area)?.ToLowerInvariant() is { } area)
        {
            if (area.Length <= 80 && area.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                filter = filter with { Area = area };
            }
            else
            {
                problems.Add(new FilterProblem("area", "There is no area “{0}”; changes in all areas are shown.", QueryText.Echo(query.Area!)));
            }
        }

        if (QueryText.Clean(query.Country) is { } country)
        {
            if (QueryText.IsCountryCode(country))
            {
                filter = filter with { Country = country.ToUpperInvariant() };
            }
            else
            {
                problems.Add(new FilterProblem("country",
                    "“{0}” is not a two-letter country code (such as VN for Vietnam); changes in all countries are shown.", QueryText.Echo(query.Country!)));
            }
        }

        if (QueryText.Clean(query.Page) is { } page)
        {
            if (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 10_000)
            {
                filter = filter with { Page = number };
            }
            else
            {
                problems.Add(new FilterProblem("page", "The page “{0}” is not a page number; the first page is shown.", QueryText.Echo(query.Page!)));
            }
        }

        return (filter, problems);
    }

    /// <summary>The query string of this view in a fixed order, defaults left out.</summary>
    public Dictionary<string, string?> ToRouteValues(bool withPage = true)
    {
        var values = new Dictionary<string, string?>();
        if (Kind is { } kind)
        {
            values["kind"] = Kinds.First(k => k.Value == kind).Key;
        }

        if (Area is not null)
        {
            values["area"] = Area;
        }

        if (Country is not null)
        {
            values["country"] = Country;
        }

        if (withPage && Page > 1)
        {
            values["page"] = Page.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
