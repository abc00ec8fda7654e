using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Drafts;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data.Drafts;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>A reviewer schedules a published row to be archived; the scheduled publisher does it once, also after a restart.</summary>
public sealed class ScheduledUnpublishTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    private static IEnumerable<IHtmlFormElement> Forms(IDocument page) => page.QuerySelectorAll("form").OfType<IHtmlFormElement>();

    private static async Task<HttpStatusCode> PublicStatusAsync(HttpClient reader, int projectId)
    {
        using var response = await reader.GetAsync($"/projects/{projectId}");
        return response.Headers.Location is { } location
            ? (await reader.GetAsync(location)).StatusCode
            : response.StatusCode;
    }

    private static Dictionary<string, string> At(string local) => new() { ["archiveAt"] = local };

    [Fact]
    public async Task AReviewer_SchedulesAnUnpublishing_ThatShowsOnTheDashboardAndInHistory_AndCanCancelIt()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        var admin = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        var edit = await admin.GetDocumentAsync($"/admin/projects/{project.Id}/edit");
        var link = edit.QuerySelector($"a[href='/admin/drafts/unpublish/projects/{project.Id}']");
        Assert.Equal("Unpublish later", link!.TextContent.Trim());
        var form = (await admin.GetDocumentAsync($"/admin/drafts/unpublish/projects/{project.Id}")).QuerySelector<IHtmlFormElement>("form.stacked-form")!;
        Assert.Contains("(Asia/Seoul)", form.QuerySelector("label[for=archiveAt]")!.TextContent);

        using var junk = await admin.SubmitAsync(form, At("next tuesday"));
        using var past = await admin.SubmitAsync(form, At("2001-01-01T09:00"));
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Contains("Enter a date and a time", (await junk.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("still to come", (await past.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(2), Seoul);
        var typed = local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using var scheduled = await admin.SubmitAsync(form, At(typed));
        var draftPage = await admin.FollowAsync(scheduled);

        var draft = await portal.WithDbAsync(db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.Equal((DraftPurpose.Archive, DraftStatus.Scheduled, project.Id), (draft.Purpose, draft.Status, draft.EntityId));
        Assert.Equal(DateTime.ParseExact(typed, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture).AddHours(-9), draft.PublishAtUtc);
        Assert.Contains($"unpublished at {typed.Replace('T', ' ')} (Asia/Seoul)", draftPage.QuerySelector(".facts")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(reader, project.Id));

        var dashboard = await admin.GetDocumentAsync("/admin");
        Assert.Equal("1 scheduled", dashboard.QuerySelector("[data-count='drafts-scheduled']")!.TextContent.Trim());
        Assert.Contains("unpublished at", dashboard.QuerySelector($".drafts-summary a[href='/admin/drafts/{draft.Id}']")!.ParentElement!.TextContent);

        // One at a time: a second scheduling is refused until the first is cancelled.
        using var again = await admin.SubmitAsync(form, At(typed));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var cancelled = await admin.SubmitAsync(Forms(draftPage).Single(f => f.Action.EndsWith("/discard")));
        Assert.Contains("cancelled", (await admin.FollowAsync(cancelled)).QuerySelector(".status-message")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Drafts.CountAsync()));
        var history = await admin.GetDocumentAsync($"/admin/projects/{project.Id}/history");
        Assert.Equal(["Scheduled unpublishing cancelled", "Unpublishing scheduled"],
            history.QuerySelectorAll("#draft-activity + table tbody tr").Select(row => row.Children[1].TextContent.Trim()));
        Assert.False(await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.IsArchived).SingleAsync()));
    }

    [Fact]
    public async Task AnEditor_CannotScheduleAnUnpublishing_AndUnknownRowsAreNotFound()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty((await AdminSetup.SetUserAsync(scope.ServiceProvider, "editor@example.org", "Editor-Password-77!", AdminRoles.Editor, "test")).Errors);
        }

        var editor = await portal.SignedInClientAsync("editor@example.org", "Editor-Password-77!");
        var admin = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));

        using var editorGet = await editor.GetAsync($"/admin/drafts/unpublish/projects/{project.Id}");
        Assert.StartsWith("/admin/access-denied", editorGet.Headers.Location!.OriginalString);
        Assert.Null((await editor.GetDocumentAsync($"/admin/projects/{project.Id}/edit")).QuerySelector("a[href^='/admin/drafts/unpublish/']"));
        using var unknownKind = await admin.GetAsync($"/admin/drafts/unpublish/planets/{project.Id}");
        using var unknownRow = await admin.GetAsync("/admin/drafts/unpublish/projects/999999");
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRow.StatusCode);
    }

    [Fact]
    public async Task ADueUnpublishing_ArchivesTheRowExactlyOnce_KeepingEditsSavedSinceItWasScheduled()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        var admin = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        await ScheduleAsync(portal, project.Id, DateTime.UtcNow.AddSeconds(1));
        using var saved = await admin.SubmitAsync(await admin.EditFormAsync($"/admin/projects/{project.Id}/edit"),
            new Dictionary<string, string> { ["Input.Title"] = "Edited after scheduling" }, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        async Task<int> RunAsync()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DraftWork>().PublishDueAsync(DateTime.UtcNow, CancellationToken.None);
        }

        var counts = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        Assert.Equal(1, counts.Sum());
        var (title, archived, actions, drafts) = await portal.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync(),
            await db.Projects.Where(p => p.Id == project.Id).Select(p => p.IsArchived).SingleAsync(),
            await db.Revisions.Where(r => r.EntityType == "project" && r.EntityId == project.Id).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync(),
            await db.Drafts.CountAsync()));
        Assert.Equal("Edited after scheduling", title);
        Assert.True(archived);
        Assert.Equal([RevisionActions.Edited, RevisionActions.Archived], actions);
        Assert.Equal(0, drafts);
    }

    [Fact]
    public async Task AnUnpublishing_ThatCameDueWhileThePortalWasDown_IsCarriedOutAfterTheRestart()
    {
        using var database = new TemporaryDatabase();
        int projectId;
        using (var first = new AdminPortalFactory(database.Path))
        {
            var reader = first.CreatePortalClient();
            projectId = await first.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p001").Select(p => p.Id).SingleAsync());
            await ScheduleAsync(first, projectId, DateTime.UtcNow.AddSeconds(2));
            Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(reader, projectId));
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        using var second = new AdminPortalFactory(database.Path);
        second.Settings["Drafts:PollSeconds"] = "1";
        var client = second.CreatePortalClient();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await PublicStatusAsync(client, projectId) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.NotEqual(HttpStatusCode.OK, await PublicStatusAsync(client, projectId));
        Assert.True(await second.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.IsArchived).SingleAsync()));
        Assert.Equal(0, await second.WithDbAsync(db => db.Drafts.CountAsync()));
        Assert.Equal(1, await second.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Kind == DraftEvents.Unpublished)));
    }

    private static Task ScheduleAsync(AdminPortalFactory portal, int projectId, DateTime atUtc) =>
        portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Partners).SingleAsync(p => p.Id == projectId);
            var (draft, problem) = await new DraftWork(db, new ContentEditor(db))
                .ScheduleUnpublishAsync(ContentKind.Project, project, atUtc, AdminPortalFactory.AdminEmail, CancellationToken.None);
            Assert.Null(problem);
            Assert.NotNull(draft);
        });
}
