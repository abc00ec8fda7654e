using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Drafts;
using SeoulPolicyPortal.Web.Data.Drafts;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>A saved draft reopened in its kind's form: the same draft is updated, reviewed again, and never overwritten blindly.</summary>
public sealed class DraftEditingTests
{
    private const string EditorEmail = "author@example.org";
    private const string EditorPassword = "Author-Password-77!";
    private const string OtherEmail = "other.editor@example.org";

    private static IEnumerable<IHtmlFormElement> Forms(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("form").OfType<IHtmlFormElement>();

    // An Editor's draft of p001's title, submitted for review; returns the project's id and version, and the draft's id.
    private static async Task<(int ProjectId, int ProjectVersion, int DraftId)> SubmittedDraftAsync(AdminPortalFactory portal, HttpClient editor)
    {
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        var form = await editor.EditFormAsync($"/admin/projects/{project.Id}/edit");
        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "First draft title" }, "draft");
        var page = await editor.FollowAsync(saved);
        using var submitted = await editor.SubmitAsync(Forms(page).Single(f => f.Action.EndsWith("/submit")));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var draftId = await portal.WithDbAsync(db => db.Drafts.Select(d => d.Id).SingleAsync());
        return (project.Id, project.Version, draftId);
    }

    [Fact]
    public async Task EditingASubmittedDraft_UpdatesTheSameDraft_KeepsItsBaseVersion_AndSendsItBackToDraft()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        await portal.AddUserAsync(EditorEmail, EditorPassword, AdminRoles.Editor);
        var editor = await portal.SignedInClientAsync(EditorEmail, EditorPassword);
        var (projectId, projectVersion, draftId) = await SubmittedDraftAsync(portal, editor);

        var show = await editor.GetDocumentAsync($"/admin/drafts/{draftId}");
        var link = show.QuerySelector($"a[href='/admin/projects/drafts/{draftId}/edit']");
        Assert.NotNull(link);
        Assert.Equal("Edit this draft", link!.TextContent.Trim());
        var form = await editor.EditFormAsync($"/admin/projects/drafts/{draftId}/edit");
        Assert.Equal("First draft title", ((IHtmlInputElement)form.Elements["Input.Title"]!).Value);

        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Second draft title" }, "save");
        var after = await editor.FollowAsync(saved);

        Assert.Contains("submit it for review again", after.QuerySelector(".status-message")!.TextContent);
        var draft = await portal.WithDbAsync(db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.Equal(draftId, draft.Id);
        Assert.Equal(DraftStatus.Draft, draft.Status);
        Assert.Equal("Second draft title", draft.Label);
        Assert.Contains("Second draft title", draft.PayloadJson);
        Assert.Equal(projectVersion, draft.BaseVersion);
        var events = await portal.WithDbAsync(db => db.AuditEvents.Where(e => e.Kind == DraftEvents.Edited).Select(e => e.ActedBy).ToListAsync());
        Assert.Equal([EditorEmail], events);
        var history = await editor.GetDocumentAsync($"/admin/projects/{projectId}/history");
        Assert.Contains(history.QuerySelectorAll("#draft-activity + table tbody tr"), row => row.Children[1].TextContent.Trim() == "Draft edited");
        using var publicPage = await reader.GetAsync($"/projects/{projectId}");
        Assert.DoesNotContain("Second draft title", await publicPage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSecondSaveOfAStaleDraftForm_GetsTheConflictPage_AndOverwritesNothing()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        await portal.AddUserAsync(EditorEmail, EditorPassword, AdminRoles.Editor);
        var editor = await portal.SignedInClientAsync(EditorEmail, EditorPassword);
        var admin = await portal.SignedInClientAsync();
        var (_, _, draftId) = await SubmittedDraftAsync(portal, editor);
        var mine = await editor.EditFormAsync($"/admin/projects/drafts/{draftId}/edit");
        var theirs = await admin.EditFormAsync($"/admin/projects/drafts/{draftId}/edit");

        using var first = await admin.SubmitAsync(theirs, new Dictionary<string, string> { ["Input.Title"] = "The reviewer's title" }, "save");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await editor.SubmitAsync(mine, new Dictionary<string, string> { ["Input.Title"] = "The author's title" }, "save");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflictPage = await second.DocumentAsync();
        Assert.NotNull(conflictPage.QuerySelector(".conflict"));
        Assert.Equal("The author's title", ((IHtmlInputElement)conflictPage.QuerySelector<IHtmlFormElement>("form.stacked-form")!.Elements["Input.Title"]!).Value);
        Assert.Equal("The reviewer's title", await portal.WithDbAsync(db => db.Drafts.Select(d => d.Label).SingleAsync()));

        // "Keep mine" is one more save, with the version the conflict page carries.
        using var kept = await editor.SubmitAsync(conflictPage.QuerySelector<IHtmlFormElement>("form.stacked-form")!, null, "save");
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal("The author's title", await portal.WithDbAsync(db => db.Drafts.Select(d => d.Label).SingleAsync()));
    }

    [Fact]
    public async Task OnlyTheAuthorOrAReviewer_MayEditADraft_AndOtherIdsAreNotFound()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        await portal.AddUserAsync(EditorEmail, EditorPassword, AdminRoles.Editor);
        await portal.AddUserAsync(OtherEmail, EditorPassword, AdminRoles.Editor);
        var editor = await portal.SignedInClientAsync(EditorEmail, EditorPassword);
        var (projectId, _, draftId) = await SubmittedDraftAsync(portal, editor);
        var other = await portal.SignedInClientAsync(OtherEmail, EditorPassword);
        // The other editor's own form (their antiforgery token), posted to the draft's address.
        var form = await other.EditFormAsync($"/admin/projects/{projectId}/edit");

        using var otherGet = await other.GetAsync($"/admin/projects/drafts/{draftId}/edit");
        using var otherPost = await other.PostAsync($"/admin/projects/drafts/{draftId}/edit", new FormUrlEncodedContent(AdminHttp.FormFields(form)));
        using var missing = await editor.GetAsync($"/admin/projects/drafts/{draftId + 100}/edit");
        using var wrongKind = await editor.GetAsync($"/admin/cities/drafts/{draftId}/edit");
        using var junk = await editor.GetAsync("/admin/projects/drafts/abc/edit");

        Assert.StartsWith("/admin/access-denied", otherGet.Headers.Location!.OriginalString);
        Assert.StartsWith("/admin/access-denied", otherPost.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongKind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, junk.StatusCode);
        Assert.Null((await other.GetDocumentAsync($"/admin/drafts/{draftId}")).QuerySelector("a[href$='/edit']"));
        Assert.Equal("First draft title", await portal.WithDbAsync(db => db.Drafts.Select(d => d.Label).SingleAsync()));
    }

    [Fact]
    public async Task AnEditedDraft_StillConflicts_WhenTheRowMovedSinceItWasFirstWritten()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        await portal.AddUserAsync(EditorEmail, EditorPassword, AdminRoles.Editor);
        var editor = await portal.SignedInClientAsync(EditorEmail, EditorPassword);
        var admin = await portal.SignedInClientAsync();
        var (projectId, _, draftId) = await SubmittedDraftAsync(portal, editor);
        using var direct = await admin.SubmitAsync(await admin.EditFormAsync($"/admin/projects/{projectId}/edit"),
            new Dictionary<string, string> { ["Input.Title"] = "Saved directly meanwhile" }, "save");
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);

        using var edited = await editor.SubmitAsync(await editor.EditFormAsync($"/admin/projects/drafts/{draftId}/edit"),
            new Dictionary<string, string> { ["Input.Title"] = "Edited draft title" }, "save");
        var page = await editor.FollowAsync(edited);
        using var submitted = await editor.SubmitAsync(Forms(page).Single(f => f.Action.EndsWith("/submit")));
        var review = await admin.GetDocumentAsync($"/admin/drafts/{draftId}");
        using var publish = await admin.SubmitAsync(Forms(review).Single(f => f.Action.EndsWith("/publish")));

        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Equal("Saved directly meanwhile", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync()));
    }
}
