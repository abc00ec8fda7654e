using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Accounts;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>Each editor's time zone: chosen on the account page, used to read schedule forms and to show admin times.</summary>
public sealed class EditorTimeZoneTests
{
    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string zone)
    {
        var page = await client.GetDocumentAsync("/admin/account/password");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Action.EndsWith("/account/time-zone"));
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["timeZone"] = zone });
    }

    [Fact]
    public async Task AnEditorsChosenZone_IsStored_ReadsScheduleForms_AndNamesTheZoneOnAdminPages()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        var admin = await portal.SignedInClientAsync();
        var account = await admin.GetDocumentAsync("/admin/account/password");
        Assert.Equal("Asia/Seoul", account.QuerySelector<IHtmlSelectElement>("#timeZone")!.Value);

        using var chosen = await ChooseAsync(admin, "America/New_York");
        var after = await admin.FollowAsync(chosen);

        Assert.Contains("time zone is saved", after.QuerySelector(".status-message")!.TextContent);
        Assert.Equal("America/New_York", after.QuerySelector<IHtmlSelectElement>("#timeZone")!.Value);
        Assert.Equal("America/New_York", await portal.WithDbAsync(db =>
            db.UserClaims.Where(c => c.ClaimType == EditorClock.ClaimType).Select(c => c.ClaimValue).SingleAsync()));
        Assert.Contains("America/New_York", (await admin.GetDocumentAsync("/admin/audit")).QuerySelector("main p")!.TextContent);

        var projectId = await portal.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p001").Select(p => p.Id).SingleAsync());
        var form = (await admin.GetDocumentAsync($"/admin/drafts/unpublish/projects/{projectId}")).QuerySelector<IHtmlFormElement>("form.stacked-form")!;
        Assert.Contains("(America/New_York)", form.QuerySelector("label[for=archiveAt]")!.TextContent);

        // 14 March 2027, 02:30 does not exist in New York (the clocks go from 02:00 to 03:00): refused, nothing written.
        using var skipped = await admin.SubmitAsync(form, new Dictionary<string, string> { ["archiveAt"] = "2027-03-14T02:30" });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.Contains("does not exist in your time zone", (await skipped.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Drafts.CountAsync()));

        // 7 November 2027, 01:30 happens twice: the first occurrence (daylight time, UTC-4) is taken.
        using var twice = await admin.SubmitAsync(form, new Dictionary<string, string> { ["archiveAt"] = "2027-11-07T01:30" });
        var draftPage = await admin.FollowAsync(twice);
        Assert.Equal(new DateTime(2027, 11, 7, 5, 30, 0), await portal.WithDbAsync(db => db.Drafts.Select(d => d.PublishAtUtc).SingleAsync()));
        Assert.Contains("2027-11-07 01:30 (America/New_York)", draftPage.QuerySelector(".facts")!.TextContent);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public async Task AnUnknownZone_IsRefusedWithAMessage_AndTheOldOneKept(string zone)
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        var admin = await portal.SignedInClientAsync();

        using var refused = await ChooseAsync(admin, zone);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose a time zone from the list", (await refused.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.UserClaims.CountAsync(c => c.ClaimType == EditorClock.ClaimType)));
    }

    [Fact]
    public async Task AnEditorWithoutAChoice_GetsTheDefaultZoneSetting()
    {
        using var portal = new AdminPortalFactory();
        portal.Settings["Portal:DefaultTimeZone"] = "Europe/Madrid";
        portal.CreatePortalClient();
        var admin = await portal.SignedInClientAsync();

        var account = await admin.GetDocumentAsync("/admin/account/password");

        Assert.Equal("Europe/Madrid", account.QuerySelector<IHtmlSelectElement>("#timeZone")!.Value);
        Assert.Contains("(Europe/Madrid)", account.QuerySelector("#time-zone + p")!.TextContent);
    }
}
