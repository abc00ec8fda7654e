using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Countries;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;
using SeoulPolicyPortal.Web.Infrastructure.Localization;

namespace SeoulPolicyPortal.Web.Features.Discovery;

/// <summary>What crawlers read first: robots.txt, and a sitemap of every public page with the date it last changed.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class DiscoveryController(PortalDbContext db, PublicAddress address) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    [HttpGet("/robots.txt")]
    public ContentResult Robots() => Content(
        $"User-agent: *\nDisallow: {Url.Content("~/admin")}\n\nSitemap: {address.Absolute(Request, Url.PublicAction(nameof(Sitemap), "Discovery"))}\n",
        "text/plain; charset=utf-8");

    [HttpGet("/sitemap.xml")]
    [ContentValidators]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        // Pages that list many things changed when anything did; a project's page when that project did.
        var changed = ContentValidatorsAttribute.Stamp(HttpContext).ChangedAtUtc;
        var projects = await db.Projects.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var countries = await CountryList.QueryAsync(db, cancellationToken);

        var pages = new List<(string Path, DateTime Modified)>
        {
            (Url.PublicAction("Index", "Overview"), changed),
            (Url.PublicAction("Index", "Cities"), changed),
            (Url.PublicAction("Index", "Projects"), changed),
            (Url.PublicAction("Index", "Countries"), changed),
            (Url.PublicAction("Index", "Changes"), changed),
            (Url.PublicAction("Index", "ApiGuide"), changed),
            (Url.PublicAction("Index", "About"), changed),
        };
        pages.AddRange(projects.Select(p =>
            (Url.PublicAction("Details", "Projects", new { id = p.Id, slug = Slug.From(p.Title) }), p.UpdatedAtUtc)));
        pages.AddRange(countries.OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => (Url.PublicAction("Details", "Countries", new { code = c.Code }), changed)));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            // One entry per page and language, each naming all its languages (Google's "hreflang in sitemaps").
            foreach (var (path, modified) in pages)
            {
                var languages = PortalCultures.Names.Select(c => (Culture: c, Url: address.Absolute(Request, PortalCultures.AddressIn(HttpContext, c, path)))).ToList();
                foreach (var (_, url) in languages)
                {
                    writer.WriteStartElement("url", SitemapNamespace);
                    writer.WriteElementString("loc", SitemapNamespace, url);
                    writer.WriteElementString("lastmod", SitemapNamespace,
                        DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                    foreach (var (culture, alternate) in languages)
                    {
                        writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
                        writer.WriteAttributeString("rel", "alternate");
                        writer.WriteAttributeString("hreflang", culture);
                        writer.WriteAttributeString("href", alternate);
                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                }
            }

            writer.WriteEndElement();
        }

        return File(stream.ToArray(), "application/xml; charset=utf-8");
    }
}
