using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Changes;

/// <summary>An Atom 1.0 document (RFC 4287) of a page of changes.</summary>
public static class ChangeFeed
{
    public static byte[] Write(
        ChangesPage page, string title, string selfUrl, string alternateUrl, DateTime emptyUpdatedUtc, Func<ChangeItem, string?> link)
    {
        var updated = page.Items.Count > 0 ? page.Items.Max(i => i.AtUtc) : emptyUpdatedUtc;
        // Ids never change once published: a revision's id, not the address the portal has today.
        var feed = new SyndicationFeed(XmlSafe.Text(title), null, new Uri(alternateUrl), StableId("feed:" + new Uri(selfUrl).PathAndQuery), updated)
        {
            Items = page.Items.Select(item =>
            {
                var entry = new SyndicationItem
                {
                    Id = StableId("revision:" + item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Title = new TextSyndicationContent(XmlSafe.Text($"{item.Headline}: {item.Title}")),
                    LastUpdatedTime = item.AtUtc,
                    PublishDate = item.AtUtc,
                    Content = new TextSyndicationContent(XmlSafe.Text(string.Join(" ", item.Details))),
                };
                if (link(item) is { } url)
                {
                    entry.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
                }

                return entry;
            }).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(selfUrl), "application/atom+xml"));
        feed.Authors.Add(new SyndicationPerson { Name = "Seoul Metropolitan Government" });

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>A name-based UUID (RFC 9562 version 5), the same on every instance and after any move of the site.</summary>
    public static string StableId(string name)
    {
        // Namespace: a fixed UUID of this portal's own (random once, never to change).
        ReadOnlySpan<byte> space = [0x6b, 0x1f, 0x5e, 0x2a, 0x93, 0x4d, 0x4c, 0x8e, 0xa1, 0x07, 0x3d, 0x52, 0xe9, 0x0b, 0x77, 0xc4];
        var hash = SHA1.HashData([.. space, .. Encoding.UTF8.GetBytes(name)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
