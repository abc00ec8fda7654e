using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Countries;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Discovery;

/// <summary>What crawlers read first: robots.txt, and a sitemap of every public page with the date it last changed.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class DiscoveryController(PortalDbContext db, PublicAddress address) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

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
            foreach (var (path, modified) in pages)
            {
                writer.WriteStartElement("url", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, address.Absolute(Request, path));
                writer.WriteElementString("lastmod", SitemapNamespace,
                    DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return File(stream.ToArray(), "application/xml; charset=utf-8");
    }
}
