using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Features.Cities;

/// <summary>The filters of a directory view in words, for an export's About sheet.</summary>
public static class CityDirectoryLabels
{
    public static IReadOnlyList<(string Key, string Label)> Describe(CityDirectoryPage page, IStringLocalizer localizer)
    {
        var filter = page.Filter;
        var labels = new List<(string Key, string Label)>();
        if (page.RegionOptions.FirstOrDefault(r => r.Slug == filter.Region) is { } region)
        {
            labels.Add(("region", localizer["Region: {0}", region.Name]));
        }

        if (filter.Type is { } type)
        {
            labels.Add(("type", type == Data.CityRelationship.Sister ? localizer["Sister cities"] : localizer["Friendship cities"]));
        }

        if (filter.Country is { } country)
        {
            labels.Add(("country", localizer["Country: {0}", page.CountryOptions.FirstOrDefault(c => c.Code == country)?.Name ?? country]));
        }

        if (filter.Q is not null)
        {
            labels.Add(("q", localizer["Text: {0}", filter.Q]));
        }

        return labels;
    }
}
