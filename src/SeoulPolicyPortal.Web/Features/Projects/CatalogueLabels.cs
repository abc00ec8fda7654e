using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Features.Projects;

/// <summary>The filters of a catalogue view in words ("Area: Transportation"), for the page's chips and an export's About sheet.</summary>
public static class CatalogueLabels
{
    public static IReadOnlyList<(string Key, string Label)> Describe(CataloguePage page, IStringLocalizer localizer)
    {
        var labels = new List<(string Key, string Label)>();
        var facets = page.Facets;
        var filter = page.Filter;
        if (facets.Areas.FirstOrDefault(a => a.Selected) is { } area)
        {
            labels.Add(("area", localizer["Area: {0}", area.Label]));
        }

        if (facets.Concentrations.FirstOrDefault(c => c.Selected) is { } concentration)
        {
            labels.Add(("concentration", localizer["Sub-area: {0}", concentration.Label]));
        }

        if (facets.Countries.FirstOrDefault(c => c.Selected) is { } country)
        {
            labels.Add(("country", localizer["Country: {0}", country.Label]));
        }

        if (facets.Regions.FirstOrDefault(r => r.Selected) is { } region)
        {
            labels.Add(("region", localizer["Region: {0}", region.Label]));
        }

        if (filter.Year is int year)
        {
            labels.Add(("year", localizer["Active in {0}", year.ToString(CultureInfo.InvariantCulture)]));
        }

        if (filter.Q is not null)
        {
            labels.Add(("q", localizer["Text: {0}", filter.Q]));
        }

        return labels;
    }
}
