using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Tests.Platform;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>Restore and archive carry the version their page showed and conflict like an edit: a newer save is never overwritten unseen.</summary>
public sealed class StaleActionTests
{
    private static async Task<(AdminPortalFactory Portal, HttpClient Mine, HttpClient Colleague, Project Project)> StartAsync()
    {
        var portal = new AdminPortalFactory();
        var mine = await portal.SignedInClientAsync();
        var colleague = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        return (portal, mine, colleague, project);
    }

    private static async Task SaveTitleAsync(HttpClient client, int id, string title)
    {
        var form = await client.EditFormAsync($"/admin/projects/{id}/edit");
        using var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = title }, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static Task<Project> ProjectAsync(AdminPortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Restore_FromAHistoryOpenedBeforeAColleaguesSave_ConflictsAndKeepsTheNewerSave()
    {
        var (portal, mine, colleague, project) = await StartAsync();
        using var _ = portal;
        await SaveTitleAsync(mine, project.Id, "My second title");
        var history = await mine.GetDocumentAsync($"/admin/projects/{project.Id}/history");
        await SaveTitleAsync(colleague, project.Id, "The colleague's title");

        using var restore = await mine.SubmitAsync(history.QuerySelector<IHtmlFormElement>("form.restore-before")!);

        Assert.Equal(HttpStatusCode.Conflict, restore.StatusCode);
        var saved = await ProjectAsync(portal, project.Id);
        Assert.Equal(("The colleague's title", project.Version + 2), (saved.Title, saved.Version));
        var conflict = await restore.DocumentAsync();
        Assert.Contains("Someone else saved this", conflict.QuerySelector("h1")!.TextContent);
        Assert.Contains("The colleague's title", conflict.QuerySelector(".revision-list")!.TextContent);
        Assert.Equal(2, await portal.WithDbAsync(db => db.Revisions.CountAsync(r => r.EntityType == "project" && r.EntityId == project.Id)));

        // Having seen the colleague's save, the editor can still restore, now against the current version.
        using var again = await mine.SubmitAsync(conflict.QuerySelector<IHtmlFormElement>("form[action*='/restore']")!);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal((project.Title, project.Version + 3), ((await ProjectAsync(portal, project.Id)).Title, (await ProjectAsync(portal, project.Id)).Version));
    }

    [Fact]
    public async Task RestoreOfAnEarlierVersion_AfterAColleaguesSave_Conflicts()
    {
        var (portal, mine, colleague, project) = await StartAsync();
        using var _ = portal;
        await SaveTitleAsync(mine, project.Id, "Version two");
        await SaveTitleAsync(mine, project.Id, "Version three");
        var history = await mine.GetDocumentAsync($"/admin/projects/{project.Id}/history");
        await SaveTitleAsync(colleague, project.Id, "The colleague's title");

        using var restore = await mine.SubmitAsync(history.QuerySelectorAll(".revision")[^1].QuerySelector<IHtmlFormElement>("form:not(.restore-before)")!);

        Assert.Equal(HttpStatusCode.Conflict, restore.StatusCode);
        Assert.Equal("The colleague's title", (await ProjectAsync(portal, project.Id)).Title);
    }

    [Fact]
    public async Task Archive_FromAnEditPageOpenedBeforeAColleaguesSave_Conflicts()
    {
        var (portal, mine, colleague, project) = await StartAsync();
        using var _ = portal;
        var edit = await mine.GetDocumentAsync($"/admin/projects/{project.Id}/edit");
        await SaveTitleAsync(colleague, project.Id, "The colleague's title");

        using var archive = await mine.SubmitAsync(edit.QuerySelector<IHtmlFormElement>($"form[action='/admin/projects/{project.Id}/archive']")!);

        Assert.Equal(HttpStatusCode.Conflict, archive.StatusCode);
        var saved = await ProjectAsync(portal, project.Id);
        Assert.False(saved.IsArchived);
        Assert.Equal("The colleague's title", saved.Title);
        var conflict = await archive.DocumentAsync();
        Assert.Contains("The colleague's title", conflict.QuerySelector(".revision-list")!.TextContent);

        using var anyway = await mine.SubmitAsync(conflict.QuerySelector<IHtmlFormElement>($"form[action='/admin/projects/{project.Id}/archive']")!);

        Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        Assert.True((await ProjectAsync(portal, project.Id)).IsArchived);
    }

    [Fact]
    public async Task Unarchive_FromAStalePage_Conflicts()
    {
        var (portal, mine, colleague, project) = await StartAsync();
        using var _ = portal;
        var edit = await mine.GetDocumentAsync($"/admin/projects/{project.Id}/edit");
        using (var archived = await mine.SubmitAsync(edit.QuerySelector<IHtmlFormElement>($"form[action='/admin/projects/{project.Id}/archive']")!))
        {
            edit = await mine.FollowAsync(archived);
        }

        await SaveTitleAsync(colleague, project.Id, "Renamed while archived");
        using var unarchive = await mine.SubmitAsync(edit.QuerySelector<IHtmlFormElement>($"form[action='/admin/projects/{project.Id}/unarchive']")!);

        Assert.Equal(HttpStatusCode.Conflict, unarchive.StatusCode);
        Assert.True((await ProjectAsync(portal, project.Id)).IsArchived);
    }

    [Fact]
    public async Task Restore_OfAVersionWhoseMarkdownCanNoLongerBeRendered_IsRefusedAndChangesNothing()
    {
        var (portal, mine, _, project) = await StartAsync();
        using var host = portal;
        await SaveTitleAsync(mine, project.Id, "A later title");
        // A revision written before the limits existed, holding Markdown that cannot be rendered.
        var unrenderable = PathologicalMarkdown.Named("9999 '[' then 9999 ']'");
        await portal.WithDbAsync(async db =>
        {
            var old = await db.Projects.Include(p => p.Partners).AsNoTracking().SingleAsync(p => p.Id == project.Id);
            old.DescriptionMarkdown = unrenderable.Markdown;
            var revision = await db.Revisions.SingleAsync(r => r.EntityType == "project" && r.EntityId == project.Id);
            revision.PreviousSnapshotJson = ContentKind.Project.SnapshotJson(old);
            await db.SaveChangesAsync();
        });
        var history = await mine.GetDocumentAsync($"/admin/projects/{project.Id}/history");

        using var restore = await mine.SubmitAsync(history.QuerySelector<IHtmlFormElement>("form.restore-before")!);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, restore.StatusCode);
        Assert.Contains(unrenderable.Problem, (await restore.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        var saved = await ProjectAsync(portal, project.Id);
        Assert.Equal(("A later title", project.Version + 1), (saved.Title, saved.Version));
    }
}
