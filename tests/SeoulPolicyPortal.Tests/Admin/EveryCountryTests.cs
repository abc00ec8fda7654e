using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>Every country of ISO 3166 can be chosen by an editor; readers see only countries the portal has content for.</summary>
public sealed class EveryCountryTests
{
    [Fact]
    public async Task ACityInACountryTheSourceNeverMentions_CanBeEntered_AndTheCountryStaysOffThePublicListsUntilThen()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        var client = await portal.SignedInClientAsync();
        Assert.Equal(250, await portal.WithDbAsync(db => db.Countries.CountAsync()));
        Assert.DoesNotContain("Cambodia", await reader.GetStringAsync("/countries"));

        var form = await client.EditFormAsync("/admin/cities/new");
        var country = (IHtmlSelectElement)form.QuerySelector("#Input_CountryCode")!;
        Assert.Contains(country.Options, o => o.Value == "KH" && o.Text.Contains("Cambodia"));
        var asia = await portal.WithDbAsync(db => db.Regions.Where(r => r.Slug == "asia").Select(r => r.Id).SingleAsync());
        await portal.WithDbAsync(async db =>
        {
            // A country the source never mentions has no region until an editor gives it one (GeographyEditingTests).
            (await db.Countries.SingleAsync(c => c.Code == "KH")).RegionId = asia;
            await db.SaveChangesAsync();
        });

        using var saved = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Phnom Penh",
            ["Input.CountryCode"] = "KH",
            ["Input.Relationship"] = "Friendship",
            ["Input.SinceYear"] = "2026",
        }, "save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/admin/drafts/", saved.Headers.Location!.OriginalString);
    }
}
