using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Features.Countries;

public static class CountryLinks
{
    /// <summary>The address of a country's page; the maps take it as the link of each country they draw.</summary>
    public static string CountryPage(this IUrlHelper url, string code) => url.Action("Details", "Countries", new { code })!;
}
