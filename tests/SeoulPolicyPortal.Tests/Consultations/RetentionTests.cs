using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Tests.Admin;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Consultations;

namespace SeoulPolicyPortal.Tests.Consultations;

public sealed class RetentionTests
{
    private static async Task AssertErasedAsync(ConsultationPortal portal, string reference)
    {
        var request = await portal.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Reference == reference));
        Assert.NotNull(request.ErasedAtUtc);
        Assert.All(new[] { request.Name, request.JobTitle, request.Organisation, request.City, request.Email, request.Topic, request.Message }, Assert.Null);
        // The anonymous statistics stay.
        Assert.Equal(("VN", "en"), (request.CountryCode, request.PreferredLanguage));
        Assert.NotEqual(default, request.ReceivedAtUtc);
        var notes = await portal.WithDbAsync(db => db.ConsultationActivities.Where(a => a.RequestId == request.Id && a.Text != null).CountAsync());
        Assert.Equal(0, notes);
        var mail = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ConsultationRequestId == request.Id).ToListAsync());
        Assert.All(mail, m => Assert.Equal((ConsultationEraser.Erased, ConsultationEraser.Erased), (m.ToAddress, m.Body)));
        Assert.All(mail, m => Assert.NotEqual(OutboxStatus.Pending, m.Status));
        var audit = await portal.WithDbAsync(db => db.AuditEvents.Where(e => e.Kind == ConsultationAuditKinds.Erased).Select(e => e.Detail).ToListAsync());
        Assert.Contains(audit, d => d!.Contains(reference));
    }

    [Fact]
    public async Task TheBackgroundSweep_ErasesRequestsClosedLongerAgoThanTheRetentionPeriod_AndNothingElse()
    {
        using var portal = new ConsultationPortal();
        portal.Settings["Consultations:RetentionMonths"] = "24";
        portal.Settings["Consultations:RetentionSweepInterval"] = "00:00:00.200";
        var visitor = portal.CreatePortalClient();
        var expired = await visitor.AskAndConfirmAsync();
        var recentlyClosed = await visitor.AskAndConfirmAsync();
        var oldButOpen = await visitor.AskAndConfirmAsync();
        var longAgo = DateTime.UtcNow.AddMonths(-25);
        await portal.WithDbAsync(async db =>
        {
            // The note first: the sweep may run as soon as the request is closed.
            var id = await db.ConsultationRequests.Where(r => r.Reference == expired).Select(r => r.Id).SingleAsync();
            db.ConsultationActivities.Add(new ConsultationActivity { RequestId = id, AtUtc = longAgo, By = "editor", Kind = ConsultationActivityKinds.Note, Text = "Called him." });
            await db.SaveChangesAsync();
            await db.ConsultationRequests.Where(r => r.Reference == expired).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ConsultationStatus.Closed).SetProperty(r => r.ClosedAtUtc, longAgo));
            await db.ConsultationRequests.Where(r => r.Reference == recentlyClosed).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ConsultationStatus.Closed).SetProperty(r => r.ClosedAtUtc, DateTime.UtcNow.AddMonths(-23)));
            await db.ConsultationRequests.Where(r => r.Reference == oldButOpen).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReceivedAtUtc, longAgo));
        });

        await Wait.UntilAsync(() => portal.WithDbAsync(db => db.ConsultationRequests.AnyAsync(r => r.Reference == expired && r.ErasedAtUtc != null)),
            "the sweep has erased the expired request");

        await AssertErasedAsync(portal, expired);
        var kept = await portal.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().Where(r => r.Reference != expired).ToListAsync());
        Assert.All(kept, r => Assert.Equal(("Nguyen Van An", (DateTime?)null), (r.Name, r.ErasedAtUtc)));
        var admin = await portal.SignedInClientAsync();
        var inbox = await admin.GetDocumentAsync("/admin/requests");
        Assert.Equal(3, inbox.QuerySelectorAll(".request-list tbody tr").Length);
        var rows = inbox.QuerySelectorAll(".request-list tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("(erased)", rows[expired].TextContent);
        Assert.DoesNotContain("(erased)", rows[recentlyClosed].TextContent);
    }

    [Fact]
    public async Task AnAdmin_ErasesOneRequestAtOnce_AnEditorCannot()
    {
        using var portal = new ConsultationPortal();
        var reference = await portal.CreatePortalClient().AskAndConfirmAsync();
        var id = await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await AdminSetup.SetUserAsync(scope.ServiceProvider, "editor@example.org", "Editor-Password-77!", AdminRoles.Editor, "test");
        }

        var editor = await portal.SignedInClientAsync("editor@example.org", "Editor-Password-77!");
        var editorPage = await editor.GetDocumentAsync($"/admin/requests/{id}");
        Assert.Null(editorPage.QuerySelector("form[action$='/erase']"));
        var token = editorPage.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using (var refused = await editor.PostAsync($"/admin/requests/{id}/erase", new FormUrlEncodedContent(
                   new Dictionary<string, string> { ["Confirm"] = "true", ["__RequestVerificationToken"] = token })))
        {
            Assert.StartsWith("/admin/access-denied", refused.Headers.Location!.OriginalString);
        }

        var admin = await portal.SignedInClientAsync();
        var page = await admin.GetDocumentAsync($"/admin/requests/{id}");
        var form = page.QuerySelector<IHtmlFormElement>("form[action$='/erase']")!;
        using (var unconfirmed = await admin.SubmitAsync(form))
        {
            Assert.Contains("Nothing was erased", (await admin.FollowAsync(unconfirmed)).QuerySelector(".status-message")!.TextContent);
        }

        Assert.Null(await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.ErasedAtUtc).SingleAsync()));
        using (var erased = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Confirm"] = "true" }))
        {
            var after = await admin.FollowAsync(erased);
            Assert.Contains("was erased", after.QuerySelector(".status-message")!.TextContent);
            Assert.DoesNotContain("Nguyen", after.QuerySelector("main")!.TextContent);
            Assert.Null(after.QuerySelector("form[action$='/reply']"));
        }

        await AssertErasedAsync(portal, reference);
        var audit = await admin.GetDocumentAsync("/admin/audit");
        Assert.Contains($"{reference}: erased on the requester’s demand", audit.QuerySelector(".audit-log")!.TextContent);
    }
}
