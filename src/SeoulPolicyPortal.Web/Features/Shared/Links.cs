using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace SeoulPolicyPortal.Web.Features.Shared;

/// <summary>
/// Addresses of filtered views: the path from routing, the filters as a query string. Not route values, because
/// "area" is the catalogue's filter but MVC's area to routing.
/// </summary>
public static class Links
{
    public static string WithQuery(string path, IEnumerable<KeyValuePair<string, string?>> query) => QueryHelpers.AddQueryString(path, query);

    /// <summary>A public (non-admin) action's path.</summary>
    public static string PublicAction(this IUrlHelper url, string action, string controller, object? values = null, string? fragment = null)
    {
        var routeValues = new RouteValueDictionary(values) { ["area"] = "" };
        return url.Action(action, controller, routeValues, protocol: null, host: null, fragment)
            ?? throw new InvalidOperationException($"No route to {controller}.{action}.");
    }
}
