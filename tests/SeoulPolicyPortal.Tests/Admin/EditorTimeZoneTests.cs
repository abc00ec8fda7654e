using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Tests.Consultations;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Accounts;
using SeoulPolicyPortal.Web.Data;

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

    [Fact]
    public async Task ARequestsReceivedTime_AndAUsersLockTime_AreShownInTheEditorsZone()
    {
        using var portal = new ConsultationPortal();
        var reference = await portal.CreatePortalClient().AskAndConfirmAsync();
        var requestId = await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
        // 15 January 2026, 03:30 UTC: 12:30 the same day in Seoul (UTC+9), 22:30 the day before in New York (UTC-5).
        await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReceivedAtUtc, new DateTime(2026, 1, 15, 3, 30, 0, DateTimeKind.Utc))));
        const string locked = "locked.editor@example.org";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var (ok, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, locked, "Locked-Editor-64!", AdminRoles.Editor, "test");
            Assert.True(ok, string.Join(" ", errors));
            // 1 July 2030, 12:00 UTC: 21:00 in Seoul, 08:00 in New York (summer time, UTC-4).
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, new DateTimeOffset(2030, 7, 1, 12, 0, 0, TimeSpan.Zero));
        }
        var admin = await portal.SignedInClientAsync();

        async Task ExpectAsync(string zone, string received, string lockedUntil)
        {
            var inbox = await admin.GetDocumentAsync("/admin/requests");
            Assert.Equal($"Received ({zone})", inbox.QuerySelectorAll(".request-list thead th")[1].TextContent);
            var receivedCell = inbox.QuerySelector(".request-list tbody td.received")!;
            Assert.Equal(received, receivedCell.TextContent);
            // On a phone the header row is hidden: the stacked cell names the zone itself.
            Assert.Equal($"Received ({zone})", receivedCell.GetAttribute("data-label"));
            Assert.DoesNotContain("UTC", inbox.QuerySelector("main")!.TextContent);
            var request = await admin.GetDocumentAsync($"/admin/requests/{requestId}");
            Assert.Equal($"Received {received} ({zone})", request.QuerySelector("main .received")!.TextContent);
            Assert.DoesNotContain("UTC", request.QuerySelector("main")!.TextContent);
            var dashboard = await admin.GetDocumentAsync("/admin");
            Assert.Contains($"Received {received} ({zone})", dashboard.QuerySelector(".oldest-unanswered")!.TextContent);
            var usersPage = await admin.GetDocumentAsync("/admin/users");
            var row = usersPage.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == locked);
            Assert.Equal($"Locked until {lockedUntil} ({zone})", row.QuerySelectorAll("td")[1].TextContent.Trim());
        }

        await ExpectAsync("Asia/Seoul", "2026-01-15 12:30", "2030-07-01 21:00");
        using (var chosen = await ChooseAsync(admin, "America/New_York"))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        await ExpectAsync("America/New_York", "2026-01-14 22:30", "2030-07-01 08:00");
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
