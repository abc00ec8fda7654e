using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Features.Projects;

/// <summary>A list of project cards; on a country's own page that country's name is not a link back to the page.</summary>
public sealed record ProjectListView(IReadOnlyList<ProjectListItem> Items, string? CurrentCountry = null);

/// <summary>
/// The two small fragments every project listing repeats. Built in code rather than as partial views because a
/// catalogue page renders them forty times, and a partial's set-up cost showed in the benchmark (docs/performance.md).
/// Text goes through <see cref="HtmlContentBuilder.Append(string)"/>, which encodes it.
/// </summary>
public static class ProjectMarkup
{
    /// <summary>A project's address: its id, then its slug when the title gives one (see <see cref="Infrastructure.Slug"/>).</summary>
    public static string Path(int id, string slug) => slug.Length == 0 ? $"/projects/{id}" : $"/projects/{id}/{slug}";

    public static IHtmlContent Years(int start, int end, IStringLocalizer localizer)
    {
        var from = start.ToString(CultureInfo.InvariantCulture);
        var builder = new HtmlContentBuilder(7).AppendHtml("<span>").Append(from);
        if (start == end)
        {
            return builder.AppendHtml("</span>");
        }

        var to = end.ToString(CultureInfo.InvariantCulture);
        return builder.AppendHtml("–").Append(to).AppendHtml("</span><span class=\"visually-hidden\"> (")
            .Append(localizer["from {0} to {1}", from, to]).AppendHtml(")</span>");
    }

    /// <summary>"2015" or "2015–2018", as plain text (titles, descriptions, feeds).</summary>
    public static string YearsText(int start, int end) => start == end
        ? start.ToString(CultureInfo.InvariantCulture)
        : $"{start.ToString(CultureInfo.InvariantCulture)}–{end.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"Hanoi (Vietnam)", as plain text; a partner without a city is its country, one without a country its name.</summary>
    public static string PartnerText(PartnerItem partner) => (partner.Name, partner.CountryName) switch
    {
        (null, var country) => country ?? "",
        (var name, null) => name,
        var (name, country) => $"{name} ({country})",
    };

    public static IHtmlContent Partner(PartnerItem partner, PathString pathBase, string? currentCountry = null)
    {
        var builder = new HtmlContentBuilder(9);
        if (partner.Country is null)
        {
            return builder.AppendHtml("<span>").Append(partner.Name ?? "").AppendHtml("</span>");
        }

        if (partner.Name is not null)
        {
            builder.AppendHtml("<span>").Append(partner.Name).AppendHtml(", ");
        }

        if (partner.Country == currentCountry)
        {
            builder.Append(partner.CountryName ?? partner.Country);
            return partner.Name is null ? builder : builder.AppendHtml("</span>");
        }

        // Country codes are two ASCII letters (checked on input), so the address needs no encoding.
        builder.AppendHtml("<a href=\"").Append(pathBase.Value ?? "").AppendHtml("/countries/").Append(partner.Country).AppendHtml("\">").Append(partner.CountryName ?? partner.Country).AppendHtml("</a>");
        return partner.Name is null ? builder : builder.AppendHtml("</span>");
    }
}
