using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SeoulPolicyPortal.Web.Features.Shared;

/// <summary>What a page tells search engines, feed readers and link previews; set by the view, written by the layout.</summary>
public sealed class PageMeta
{
    /// <summary>The page's one address: filters in a fixed order, defaults left out (site-relative).</summary>
    public string? Canonical { get; set; }

    /// <summary>The Atom feed of changes to what the page lists (site-relative).</summary>
    public string? Feed { get; set; }

    public string? FeedTitle { get; set; }

    /// <summary>A schema.org Dataset the page offers as downloads, if it offers any.</summary>
    public DatasetMeta? Dataset { get; set; }
}

/// <summary>A schema.org Dataset whose distributions are the page's downloads (site-relative addresses).</summary>
public sealed record DatasetMeta(string Name, string Description, IReadOnlyList<(string Format, string Url)> Downloads);

public static class PageMetaExtensions
{
    public static PageMeta Meta(this ViewDataDictionary viewData)
    {
        if (viewData["Meta"] is not PageMeta meta)
        {
            meta = new PageMeta();
            viewData["Meta"] = meta;
        }

        return meta;
    }
}

/// <summary>
/// schema.org JSON-LD. It is a data block, never run, so the Content-Security-Policy needs no exception; System.Text.Json's
/// default encoder writes &lt; &gt; &amp; and quotes as \u escapes, so nothing in a title can close the script element.
/// </summary>
public static class StructuredData
{
    public static string Organization(string origin) => JsonSerializer.Serialize(OrganizationNode(origin));

    public static string Dataset(DatasetMeta dataset, string url, string origin, Func<string, string> absolute) => JsonSerializer.Serialize(
        new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["name"] = dataset.Name,
            ["description"] = dataset.Description,
            ["url"] = url,
            ["isAccessibleForFree"] = true,
            ["creator"] = OrganizationNode(origin),
            ["distribution"] = dataset.Downloads.Select(d => new Dictionary<string, string>
            {
                ["@type"] = "DataDownload",
                ["encodingFormat"] = d.Format,
                ["contentUrl"] = absolute(d.Url),
            }).ToList(),
        });

    private static Dictionary<string, object> OrganizationNode(string origin) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "GovernmentOrganization",
        ["name"] = "Seoul Policy Sharing Initiative",
        ["url"] = origin + "/",
        ["description"] = "Through the Seoul Policy Sharing Initiative, the Seoul Metropolitan Government shares its urban policies with cities abroad.",
        ["parentOrganization"] = new Dictionary<string, string>
        {
            ["@type"] = "GovernmentOrganization",
            ["name"] = "Seoul Metropolitan Government",
        },
        ["areaServed"] = "Seoul",
    };
}
