using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Drafts;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data.Drafts;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>Drafts: kept aside until a reviewer publishes them, now or at a scheduled time, exactly once.</summary>
public sealed class DraftTests
{
    private const string EditorEmail = "author@example.org";
    private const string EditorPassword = "Author-Password-77!";
    private const string PublisherEmail = "publisher@example.org";
    private const string PublisherPassword = "Publisher-Password-77!";

    private static IEnumerable<IHtmlFormElement> Forms(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("form").OfType<IHtmlFormElement>();

    private static async Task<string> PublicTitleAsync(HttpClient client, int id)
    {
        // Follows the slug redirects: a publish between two requests changes the slug, and the old one redirects again.
        var url = $"/projects/{id}";
        for (var hop = 0; hop < 5; hop++)
        {
            using var response = await client.GetAsync(url);
            if (response.Headers.Location is { } location)
            {
                url = location.OriginalString;
                continue;
            }
            Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
            return (await Http.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("h1")!.TextContent.Trim();
        }
        throw new InvalidOperationException($"/projects/{id} redirected more than five times");
    }

    [Fact]
    public async Task EditorsDraft_IsInvisibleToThePublic_UntilAPublisherPublishesIt()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        await portal.AddUserAsync(EditorEmail, EditorPassword, AdminRoles.Editor);
        await portal.AddUserAsync(PublisherEmail, PublisherPassword, AdminRoles.Publisher);
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        var editor = await portal.SignedInClientAsync(EditorEmail, EditorPassword);

        var form = await editor.EditFormAsync($"/admin/projects/{project.Id}/edit");
        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Drafted title" }, "draft");
        var draftPage = await editor.FollowAsync(saved);

        Assert.Contains("draft", draftPage.QuerySelector(".status-message")!.TextContent);
        Assert.Contains(draftPage.QuerySelectorAll(".diff-table td"), td => td.TextContent.Contains("Drafted title"));
        Assert.Equal(project.Title, await PublicTitleAsync(reader, project.Id));
        Assert.Equal(project.Version, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Version).SingleAsync()));

        // An Editor submits but cannot publish.
        using var submitted = await editor.SubmitAsync(Forms(draftPage).Single(f => f.Action.EndsWith("/submit")));
        var submittedPage = await editor.FollowAsync(submitted);
        Assert.DoesNotContain(Forms(submittedPage), f => f.Action.EndsWith("/publish"));
        var draftId = await portal.WithDbAsync(db => db.Drafts.Select(d => d.Id).SingleAsync());
        using var editorPublish = await editor.PostAsync($"/admin/drafts/{draftId}/publish",
            new FormUrlEncodedContent(AdminHttp.FormFields(Forms(submittedPage).First())));
        Assert.Equal(HttpStatusCode.Redirect, editorPublish.StatusCode);
        Assert.StartsWith("/admin/access-denied", editorPublish.Headers.Location!.OriginalString);
        Assert.Equal(project.Title, await PublicTitleAsync(reader, project.Id));

        var publisher = await portal.SignedInClientAsync(PublisherEmail, PublisherPassword);
        var dashboard = await publisher.GetDocumentAsync("/admin");
        Assert.Equal("1 awaiting review", dashboard.QuerySelector("[data-count='drafts-awaiting-review']")!.TextContent.Trim());
        Assert.NotNull(dashboard.QuerySelector($".drafts-summary a[href='/admin/drafts/{draftId}']"));
        var review = await publisher.GetDocumentAsync($"/admin/drafts/{draftId}");
        using var published = await publisher.SubmitAsync(Forms(review).Single(f => f.Action.EndsWith("/publish")));
        var afterPublish = await publisher.FollowAsync(published);

        Assert.Contains("Published", afterPublish.QuerySelector(".status-message")!.TextContent);
        Assert.Equal("Drafted title", await PublicTitleAsync(reader, project.Id));
        var (version, revisions, drafts) = await portal.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Id == project.Id).Select(p => p.Version).SingleAsync(),
            await db.Revisions.Where(r => r.EntityType == "project" && r.EntityId == project.Id).Select(r => r.ChangedBy).ToListAsync(),
            await db.Drafts.CountAsync()));
        Assert.Equal(project.Version + 1, version);
        Assert.Equal(new[] { PublisherEmail }, revisions);
        Assert.Equal(0, drafts);

        // The row's history tells the draft's steps, newest first, with who took each.
        var history = await publisher.GetDocumentAsync($"/admin/projects/{project.Id}/history");
        var steps = history.QuerySelectorAll("#draft-activity + table tbody tr")
            .Select(row => (What: row.Children[1].TextContent.Trim(), By: row.Children[2].TextContent.Trim())).ToList();
        Assert.Equal(
            [("Published from a draft", PublisherEmail), ("Submitted for review", EditorEmail), ("Saved as a draft", EditorEmail)],
            steps);
    }

    [Fact]
    public async Task AnAuthor_CannotPublishTheirOwnDraft_UnlessTheSettingAllowsIt()
    {
        using var portal = new AdminPortalFactory();
        var admin = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        var form = await admin.EditFormAsync($"/admin/projects/{project.Id}/edit");
        using var saved = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "My own draft" }, "draft");
        var page = await admin.FollowAsync(saved);
        using var submitted = await admin.SubmitAsync(Forms(page).Single(f => f.Action.EndsWith("/submit")));
        var draftId = await portal.WithDbAsync(db => db.Drafts.Select(d => d.Id).SingleAsync());
        var review = await admin.GetDocumentAsync($"/admin/drafts/{draftId}");
        Assert.DoesNotContain(Forms(review), f => f.Action.EndsWith("/publish"));

        using var forced = await admin.PostAsync($"/admin/drafts/{draftId}/publish",
            new FormUrlEncodedContent(AdminHttp.FormFields(Forms(review).First())));

        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Equal(project.Title, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task ADueScheduledDraft_IsPublishedExactlyOnce_EvenWhenTwoPublishersRunAtOnce()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        await ScheduleAsync(portal, project.Id, project.Version, "Scheduled title", DateTime.UtcNow.AddMinutes(-1));

        async Task<int> RunAsync()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DraftWork>().PublishDueAsync(DateTime.UtcNow, CancellationToken.None);
        }

        var counts = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        Assert.Equal(1, counts.Sum());
        var (title, revisions) = await portal.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync(),
            await db.Revisions.CountAsync(r => r.EntityType == "project" && r.EntityId == project.Id)));
        Assert.Equal("Scheduled title", title);
        Assert.Equal(1, revisions);
    }

    [Fact]
    public async Task AScheduledDraft_ThatCameDueWhileThePortalWasDown_IsPublishedAfterTheRestart()
    {
        using var database = new TemporaryDatabase();
        int projectId;
        using (var first = new AdminPortalFactory(database.Path))
        {
            first.CreatePortalClient();
            var project = await first.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
            projectId = project.Id;
            // Due in two seconds: it comes due after this instance has stopped.
            await ScheduleAsync(first, project.Id, project.Version, "Published after a restart", DateTime.UtcNow.AddSeconds(2));
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        using var second = new AdminPortalFactory(database.Path);
        second.Settings["Drafts:PollSeconds"] = "1";
        var reader = second.CreatePortalClient();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await PublicTitleAsync(reader, projectId) != "Published after a restart" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal("Published after a restart", await PublicTitleAsync(reader, projectId));
        Assert.Equal(0, await second.WithDbAsync(db => db.Drafts.CountAsync()));
    }

    private static async Task ScheduleAsync(AdminPortalFactory portal, int projectId, int version, string title, DateTime publishAtUtc)
    {
        await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Partners).SingleAsync(p => p.Id == projectId);
            var snapshot = ContentKind.Project.Snapshot(project) with { Title = title };
            var drafts = new DraftWork(db, new ContentEditor(db));
            var draft = await drafts.SaveAsync(ContentKind.Project, projectId, version, JsonSerializer.Serialize(snapshot, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
                title, "author@example.org", CancellationToken.None);
            Assert.True(await drafts.MoveAsync(draft.Id, DraftStatus.Draft, DraftStatus.Submitted, null, null, null, "author@example.org", CancellationToken.None));
            Assert.True(await drafts.MoveAsync(draft.Id, DraftStatus.Submitted, DraftStatus.Scheduled, null, AdminPortalFactory.AdminEmail, publishAtUtc, AdminPortalFactory.AdminEmail, CancellationToken.None));
        });
    }
}

public sealed class RestoreAsDraftTests
{
    [Fact]
    public async Task AnEarlierVersion_ProposedAsADraft_ChangesNothingUntilPublished()
    {
        using var portal = new AdminPortalFactory();
        portal.Settings["Drafts:AuthorsMayPublishOwn"] = "true";
        var client = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p003"));
        foreach (var wording in new[] { "First wording", "Second wording" })
        {
            var form = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");
            using var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = wording }, "save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var history = await client.GetDocumentAsync($"/admin/projects/{project.Id}/history");
        var propose = history.QuerySelectorAll("form.restore-as-draft").OfType<IHtmlFormElement>().Single();
        using var proposed = await client.SubmitAsync(propose);
        var draftPage = await client.FollowAsync(proposed);

        Assert.Contains("kept as a draft", draftPage.QuerySelector(".status-message")!.TextContent);
        Assert.Contains(draftPage.QuerySelectorAll(".diff-table td"), td => td.TextContent.Contains("First wording"));
        Assert.Equal("Second wording", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync()));

        await client.SubmitAndPublishAsync(draftPage);
        var (title, archived) = await portal.WithDbAsync(async db =>
            await db.Projects.Where(p => p.Id == project.Id).Select(p => new { p.Title, p.IsArchived }).SingleAsync() is var row ? (row.Title, row.IsArchived) : default);
        Assert.Equal("First wording", title);
        Assert.False(archived);
    }
}
