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
public sealed class DiscoveryController(PortalDbContext db, PublicAddress address, IConfiguration configuration) : Controller
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
        var pages = await PageCountAsync(cancellationToken);
        if (pages.Total <= PagesPerFile)
        {
            return await UrlSetAsync(1, pages, cancellationToken);
        }

        // A sitemap file may hold 50 000 addresses: a larger catalogue is listed as an index of parts.
        var changed = ContentValidatorsAttribute.Stamp(HttpContext).ChangedAtUtc;
        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNamespace);
            for (var part = 1; part <= (pages.Total + PagesPerFile - 1) / PagesPerFile; part++)
            {
                writer.WriteStartElement("sitemap", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, address.Absolute(Request, Url.PublicAction(nameof(SitemapPart), "Discovery", new { part })));
                writer.WriteElementString("lastmod", SitemapNamespace, W3CDate(changed));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    [HttpGet("/sitemaps/{part:int}.xml")]
    [ContentValidators]
    public async Task<IActionResult> SitemapPart(int part, CancellationToken cancellationToken)
    {
        var pages = await PageCountAsync(cancellationToken);
        return part < 1 || pages.Total <= PagesPerFile || (part - 1) * PagesPerFile >= pages.Total
            ? NotFound()
            : await UrlSetAsync(part, pages, cancellationToken);
    }

    // Each page is listed once per language: three languages of 15 000 pages stay within the protocol's 50 000 addresses
    // (and far within its 50 MB) per file.
    private int PagesPerFile => configuration.GetValue("Portal:SitemapPagesPerFile", 15_000);

    private sealed record PageCount(int Projects, IReadOnlyList<string> Countries)
    {
        public const int Fixed = 7;

        public int Total => Fixed + Projects + Countries.Count;
    }

    private async Task<PageCount> PageCountAsync(CancellationToken cancellationToken) =>
        new(await db.Projects.CountAsync(p => !p.IsArchived, cancellationToken), await CountryList.CodesWithPagesAsync(db, cancellationToken));

    /// <summary>One part of the list of pages: the site's own pages, then every project, then every country.</summary>
    private async Task<IActionResult> UrlSetAsync(int part, PageCount count, CancellationToken cancellationToken)
    {
        // Pages that list many things changed when anything did; a project's page when that project did.
        var changed = ContentValidatorsAttribute.Stamp(HttpContext).ChangedAtUtc;
        var (first, end) = ((part - 1) * PagesPerFile, part * PagesPerFile);
        (string Path, DateTime Modified)[] site =
        [
            (Url.PublicAction("Index", "Overview"), changed),
            (Url.PublicAction("Index", "Cities"), changed),
            (Url.PublicAction("Index", "Projects"), changed),
            (Url.PublicAction("Index", "Countries"), changed),
            (Url.PublicAction("Index", "Changes"), changed),
            (Url.PublicAction("Index", "ApiGuide"), changed),
            (Url.PublicAction("Index", "About"), changed),
        ];
        var pages = site.Take(end).Skip(first).ToList();
        var (skip, take) = Range(PageCount.Fixed, count.Projects);
        var projects = take <= 0
            ? []
            : await db.Projects.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.Id).Skip(skip).Take(take)
                .Select(p => new { p.Id, p.Title, p.UpdatedAtUtc })
                .ToListAsync(cancellationToken);
        pages.AddRange(projects.Select(p =>
            (Url.PublicAction("Details", "Projects", new { id = p.Id, slug = Slug.From(p.Title) }), p.UpdatedAtUtc)));
        (skip, take) = Range(PageCount.Fixed + count.Projects, count.Countries.Count);
        pages.AddRange(count.Countries.Skip(skip).Take(Math.Max(take, 0))
            .Select(code => (Url.PublicAction("Details", "Countries", new { code }), changed)));

        return Xml(writer =>
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
                    writer.WriteElementString("lastmod", SitemapNamespace, W3CDate(modified));
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
        });

        // Which of a run of pages starting at overall position `start` fall in this part.
        (int Skip, int Take) Range(int start, int length) =>
            (Math.Max(first - start, 0), Math.Min(end, start + length) - Math.Max(first, start));
    }

    private static string W3CDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private FileContentResult Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            write(writer);
        }

        return File(stream.ToArray(), "application/xml; charset=utf-8");
    }
}
