using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Tests.Admin;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Consultations;

public sealed class InboxTests
{
    private const string EditorEmail = "editor@example.org";
    private const string EditorPassword = "Editor-Password-77!";

    private static async Task AddEditorAsync(ConsultationPortal portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var (ok, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, EditorEmail, EditorPassword, AdminRoles.Editor, "test");
        Assert.True(ok, string.Join(" ", errors));
    }

    private static Task<int> IdOfAsync(ConsultationPortal portal, string reference) =>
        portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());

    private static IHtmlFormElement Form(IDocument page, string action) => page.QuerySelector<IHtmlFormElement>($"form[action$='/{action}']")!;

    [Fact]
    public async Task Inbox_ListsNewestFirst_WithCountsPerStatus_AndFiltersByStatusAreaCountryAndAssignee()
    {
        using var portal = new ConsultationPortal();
        var visitor = portal.CreatePortalClient();
        var first = await visitor.AskAndConfirmAsync(url: "/consultations/new?aboutArea=transportation");
        var second = await visitor.AskAndConfirmAsync(new Dictionary<string, string> { ["Input.Country"] = "PE", ["Input.City"] = "Lima" });
        var third = await visitor.AskAndConfirmAsync(new Dictionary<string, string> { ["Input.Country"] = "other", ["Input.OtherCountryName"] = "Atlantis" });
        await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Reference == second)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ConsultationStatus.InProgress).SetProperty(r => r.AssignedTo, AdminPortalFactory.AdminEmail)));
        var admin = await portal.SignedInClientAsync();

        var inbox = await admin.GetDocumentAsync("/admin/requests");
        Assert.Equal([third, second, first], inbox.QuerySelectorAll(".request-list tbody th a").Select(a => a.TextContent));
        Assert.Equal("All (3)", inbox.QuerySelector(".status-tabs a")!.TextContent.Trim());
        Assert.Equal("New (2)", inbox.QuerySelector(".status-tabs a[data-status=new]")!.TextContent.Trim());
        Assert.Equal("In progress (1)", inbox.QuerySelector(".status-tabs a[data-status=in-progress]")!.TextContent.Trim());

        async Task<IReadOnlyList<string>> References(string query) =>
            (await admin.GetDocumentAsync($"/admin/requests?{query}")).QuerySelectorAll(".request-list tbody th a").Select(a => a.TextContent).ToList();

        Assert.Equal([second], await References("status=in-progress"));
        Assert.Equal([first], await References("area=transportation"));
        Assert.Equal([second], await References("country=PE"));
        Assert.Equal([third], await References("country=other"));
        Assert.Equal([second], await References("assignee=me"));
        Assert.Equal([third, first], await References("assignee=none"));
        Assert.Equal([first], await References("status=new&country=VN"));
        var filtered = await admin.GetDocumentAsync("/admin/requests?country=VN");
        Assert.Equal("New (1)", filtered.QuerySelector(".status-tabs a[data-status=new]")!.TextContent.Trim());

        var odd = await admin.GetDocumentAsync("/admin/requests?status=lost&country=123&page=x");
        Assert.Equal(3, odd.QuerySelectorAll(".request-list tbody tr").Length);
        Assert.Equal(3, odd.QuerySelectorAll(".notice li").Length);
    }

    [Fact]
    public async Task Editor_AssignsReplyAndCloses_HistoryRecordsWhoDidWhat_AndTheReplyIsDelivered()
    {
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        using var portal = new ConsultationPortal(smtp);
        await AddEditorAsync(portal);
        var reference = await portal.CreatePortalClient().AskAndConfirmAsync(url: "/consultations/new?aboutCountry=VN");
        var id = await IdOfAsync(portal, reference);
        var editor = await portal.SignedInClientAsync(EditorEmail, EditorPassword);

        var page = await editor.GetDocumentAsync($"/admin/requests/{id}");
        Assert.Contains("We would like to learn how Seoul introduced its transport card.\nCould an expert visit us?", page.QuerySelector(".message-text")!.TextContent);
        Assert.Equal("/countries/VN", page.QuerySelector(".facts a")!.GetAttribute("href"));
        using (var assigned = await editor.SubmitAsync(Form(page, "update"), new Dictionary<string, string> { ["Update.Status"] = "in-progress", ["Update.AssignedTo"] = EditorEmail }))
        {
            Assert.Contains("updated", (await editor.FollowAsync(assigned)).QuerySelector(".status-message")!.TextContent);
        }

        page = await editor.GetDocumentAsync($"/admin/requests/{id}");
        using (var noted = await editor.SubmitAsync(Form(page, "notes"), new Dictionary<string, string> { ["Note.Text"] = "Ask the transport office <TOPIS> first." }))
        {
            await editor.FollowAsync(noted);
        }

        page = await editor.GetDocumentAsync($"/admin/requests/{id}");
        var reply = Form(page, "reply");
        Assert.Contains(reference, reply.QuerySelector<IHtmlInputElement>("#Reply_Subject")!.Value);
        using (var replied = await editor.SubmitAsync(reply, new Dictionary<string, string> { ["Reply.Body"] = "Dear Mr Nguyen,\r\n\r\nYes, an expert can visit in March." }))
        {
            await editor.FollowAsync(replied);
        }

        var answer = (await smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith("Your request"))).Single();
        Assert.Equal(ConsultationHttp.Email, answer.To.Mailboxes.Single().Address);
        Assert.StartsWith("Dear Mr Nguyen,\n\nYes, an expert can visit in March.", answer.TextBody!.Replace("\r\n", "\n"));
        Assert.Contains($"Your reference: {reference}", answer.TextBody);
        Assert.False(answer.Headers.Contains("Auto-Submitted"));

        page = await editor.GetDocumentAsync($"/admin/requests/{id}");
        Assert.Equal("answered", page.QuerySelector(".status-tag")!.GetAttribute("data-status"));
        await Wait.UntilAsync(() => portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKinds.Reply && m.Status == OutboxStatus.Sent)),
            "the answer is marked sent");
        page = await editor.GetDocumentAsync($"/admin/requests/{id}");
        Assert.Equal("sent", page.QuerySelector(".delivery")!.GetAttribute("data-delivery"));
        using (var closed = await editor.SubmitAsync(Form(page, "update"), new Dictionary<string, string> { ["Update.Status"] = "closed" }))
        {
            await editor.FollowAsync(closed);
        }

        page = await editor.GetDocumentAsync($"/admin/requests/{id}");
        var history = page.QuerySelectorAll(".history-list li").Select(li => string.Join(" ", li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains("the requester Request received", history[0]);
        Assert.Contains($"{EditorEmail} Status changed from New to In progress", history[1]);
        Assert.Contains($"{EditorEmail} Assignment changed from no one to {EditorEmail}", history[2]);
        Assert.Contains("Note: Ask the transport office <TOPIS> first.", history[3]);
        Assert.Contains("Answer sent by email", history[4]);
        Assert.Contains("Status changed from In progress to Answered", history[5]);
        Assert.Contains("Status changed from Answered to Closed", history[6]);
        var stored = await portal.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ConsultationStatus.Closed, EditorEmail), (stored.Status, stored.AssignedTo));
        Assert.NotNull(stored.ClosedAtUtc);
        Assert.NotNull(stored.FirstAnsweredAtUtc);
    }

    [Fact]
    public async Task TwoEditorsOnOneRequest_TheStaleStatusFormGetsAConflict_AndTheStaleReplyIsNotSent()
    {
        using var portal = new ConsultationPortal();
        var reference = await portal.CreatePortalClient().AskAndConfirmAsync();
        var id = await IdOfAsync(portal, reference);
        var editor = await portal.SignedInClientAsync();
        var stale = await editor.GetDocumentAsync($"/admin/requests/{id}");
        var fresh = await editor.GetDocumentAsync($"/admin/requests/{id}");

        using (var answered = await editor.SubmitAsync(Form(fresh, "reply"), new Dictionary<string, string> { ["Reply.Body"] = "The first answer." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        using var staleReply = await editor.SubmitAsync(Form(stale, "reply"), new Dictionary<string, string> { ["Reply.Body"] = "A second answer, written meanwhile." });
        Assert.Equal(HttpStatusCode.Conflict, staleReply.StatusCode);
        var conflict = await staleReply.DocumentAsync();
        Assert.Contains("The first answer.", conflict.QuerySelector(".conflict")!.TextContent);
        Assert.Equal("A second answer, written meanwhile.", conflict.QuerySelector<IHtmlTextAreaElement>("#Reply_Body")!.Value);
        Assert.Equal(1, await portal.WithDbAsync(db => db.ConsultationReplies.CountAsync()));

        using var staleStatus = await editor.SubmitAsync(Form(stale, "update"), new Dictionary<string, string> { ["Update.Status"] = "spam" });
        Assert.Equal(HttpStatusCode.Conflict, staleStatus.StatusCode);
        Assert.Equal(ConsultationStatus.Answered, await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        // "Keep mine" resubmits against the version now shown.
        var keepMine = Form(await staleStatus.DocumentAsync(), "update");
        using var kept = await editor.SubmitAsync(keepMine);
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(ConsultationStatus.Spam, await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task BadEditorInput_IsRefusedBesideTheField_AndChangesNothing()
    {
        using var portal = new ConsultationPortal();
        var reference = await portal.CreatePortalClient().AskAndConfirmAsync();
        var id = await IdOfAsync(portal, reference);
        var editor = await portal.SignedInClientAsync();
        var page = await editor.GetDocumentAsync($"/admin/requests/{id}");

        using var badStatus = await editor.SubmitAsync(Form(page, "update"), new Dictionary<string, string> { ["Update.Status"] = "deleted", ["Update.AssignedTo"] = "stranger@example.org" });
        using var emptyReply = await editor.SubmitAsync(Form(page, "reply"), new Dictionary<string, string> { ["Reply.Body"] = "" });
        using var hugeNote = await editor.SubmitAsync(Form(page, "notes"), new Dictionary<string, string> { ["Note.Text"] = new string('n', 5001) });
        using var missing = await editor.GetAsync("/admin/requests/999999");

        Assert.Equal(HttpStatusCode.OK, badStatus.StatusCode);
        var links = (await badStatus.DocumentAsync()).QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Update_AssignedTo", "#Update_Status"], links.Order());
        Assert.Contains("#Reply_Body", (await emptyReply.DocumentAsync()).QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Contains("#Note_Text", (await hugeNote.DocumentAsync()).QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var stored = await portal.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ConsultationStatus.New, null, 1), (stored.Status, stored.AssignedTo, stored.Version));
        Assert.Equal(0, await portal.WithDbAsync(db => db.ConsultationReplies.CountAsync()));
    }

    [Fact]
    public async Task CsvExport_IsTheFilteredInbox_WithoutContactDetails_AndFormulasNeutralised()
    {
        using var portal = new ConsultationPortal();
        var visitor = portal.CreatePortalClient();
        await visitor.AskAndConfirmAsync(new Dictionary<string, string> { ["Input.Topic"] = "=HYPERLINK(\"http://evil.example\",\"Click\")", ["Input.Organisation"] = "+Org, \"quoted\"" });
        await visitor.AskAndConfirmAsync(new Dictionary<string, string> { ["Input.Country"] = "PE" });
        var admin = await portal.SignedInClientAsync();

        using var response = await admin.GetAsync("/admin/requests/export?country=VN");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Reference,Received (UTC),Status,Area,Country,City,Organisation,Topic", lines[0]);
        Assert.Contains("\"'+Org, \"\"quoted\"\"\"", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", lines[1]);
        Assert.Contains(",Vietnam,", lines[1]);
        Assert.DoesNotContain(ConsultationHttp.Email, text);
        Assert.DoesNotContain("Nguyen Van An", text);
        Assert.DoesNotContain("transport card", text);
    }

    [Fact]
    public async Task Dashboard_ShowsOpenRequestsAndTheOldestUnanswered()
    {
        using var portal = new ConsultationPortal();
        var visitor = portal.CreatePortalClient();
        var oldest = await visitor.AskAndConfirmAsync(new Dictionary<string, string> { ["Input.Topic"] = "The oldest question" });
        await visitor.AskAndConfirmAsync();
        var answered = await visitor.AskAndConfirmAsync();
        await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Reference == answered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ConsultationStatus.Answered)));
        var admin = await portal.SignedInClientAsync();

        var dashboard = await admin.GetDocumentAsync("/admin");

        Assert.Equal("2 new", dashboard.QuerySelector("[data-count=requests-new]")!.TextContent);
        Assert.Equal("0 in progress", dashboard.QuerySelector("[data-count=requests-in-progress]")!.TextContent);
        var unanswered = dashboard.QuerySelector(".oldest-unanswered")!;
        Assert.Equal(oldest, unanswered.QuerySelector("a")!.TextContent);
        Assert.Equal($"/admin/requests/{await IdOfAsync(portal, oldest)}", unanswered.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("The oldest question", unanswered.TextContent);
        Assert.Equal("/admin/requests", dashboard.QuerySelector("nav a[href='/admin/requests']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Requests_AreForEditorsOnly()
    {
        using var portal = new ConsultationPortal();
        var reference = await portal.CreatePortalClient().AskAndConfirmAsync();
        var id = await IdOfAsync(portal, reference);
        var anonymous = portal.CreatePortalClient();

        foreach (var url in new[] { "/admin/requests", $"/admin/requests/{id}", "/admin/requests/export" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/sign-in", response.Headers.Location!.OriginalString);
        }
    }
}
