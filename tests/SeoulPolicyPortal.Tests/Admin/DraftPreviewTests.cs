using System.Net;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>A draft previewed as the public page shows it, and nothing of the preview reaching readers.</summary>
public sealed class DraftPreviewTests
{
    private static async Task<int> SaveDraftAsync(HttpClient editor, string formUrl, Dictionary<string, string> fields)
    {
        var form = await editor.EditFormAsync(formUrl);
        using var saved = await editor.SubmitAsync(form, fields, "draft");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task AProjectDraft_IsPreviewedAsItsPublicPage_WithABanner_AndReadersKeepThePublishedPage()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        var editor = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        var publicUrl = (await reader.GetAsync($"/projects/{project.Id}")).Headers.Location!.OriginalString;
        var before = await reader.GetStringAsync(publicUrl);
        var version = await portal.WithDbAsync(db => db.ContentVersions.Select(v => v.Value).SingleAsync());

        var draftId = await SaveDraftAsync(editor, $"/admin/projects/{project.Id}/edit", new()
        {
            ["Input.Title"] = "Previewed draft title",
            ["Input.DescriptionMarkdown"] = "A paragraph only the **preview** shows.",
        });
        using var preview = await editor.GetAsync($"/admin/drafts/{draftId}/preview");
        var page = await Http.ParseAsync(await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("Previewed draft title", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("preview", page.QuerySelector("article .prose strong")!.TextContent);
        // The public view and layout, with the banner that says what this is and leads back to the draft.
        Assert.NotNull(page.QuerySelector("nav.breadcrumbs a[href='/projects']"));
        var banner = page.QuerySelector(".preview-banner")!;
        Assert.Contains("readers do not see this yet", banner.TextContent);
        Assert.Equal($"/admin/drafts/{draftId}", banner.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("no-store", preview.Headers.CacheControl!.ToString());
        Assert.Null(preview.Headers.ETag);
        Assert.Contains("noindex", preview.Headers.GetValues("X-Robots-Tag"));

        // Rolled back: the row, its revisions and the content version are as they were, and readers see the published page.
        var (title, revisions, versionAfter) = await portal.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync(),
            await db.Revisions.CountAsync(r => r.EntityType == "project" && r.EntityId == project.Id),
            await db.ContentVersions.Select(v => v.Value).SingleAsync()));
        Assert.Equal(project.Title, title);
        Assert.Equal(0, revisions);
        Assert.Equal(version, versionAfter);
        Assert.Equal(before, await reader.GetStringAsync(publicUrl));

        // The preview moved the version inside its transaction. The next real save moves it to the same number: a cache
        // entry kept from the preview would now be served to readers as published.
        var other = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p002"));
        var otherForm = await editor.EditFormAsync($"/admin/projects/{other.Id}/edit");
        using var otherSaved = await editor.SubmitAsync(otherForm, new Dictionary<string, string> { ["Input.Title"] = other.Title + " (edited)" });
        Assert.True(await portal.WithDbAsync(db => db.ContentVersions.Select(v => v.Value).SingleAsync()) > version);
        var afterSave = await reader.GetDocumentAsync(publicUrl);
        Assert.Equal(project.Title, afterSave.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Previewed draft title", await reader.GetStringAsync("/projects?pageSize=100"));
        Assert.DoesNotContain("Previewed draft title", await reader.GetStringAsync("/api/projects?pageSize=100"));
    }

    [Fact]
    public async Task ANewProjectDraft_IsPreviewed_AndLeavesNoRowBehind()
    {
        using var portal = new AdminPortalFactory();
        var editor = await portal.SignedInClientAsync();
        var count = await portal.WithDbAsync(db => db.Projects.CountAsync());
        var (areaId, concentrationId) = await portal.WithDbAsync(db => db.Concentrations.Select(c => new { c.AreaId, c.Id }).FirstAsync())
            is var first ? (first.AreaId, first.Id) : default;
        var draftId = await SaveDraftAsync(editor, "/admin/projects/new", new()
        {
            ["Input.Title"] = "A project still in draft",
            ["Input.AreaId"] = areaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ConcentrationId"] = concentrationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartYear"] = "2025",
            ["Input.EndYear"] = "2026",
            ["Input.Partners[0].CountryCode"] = "VN",
            ["Input.Partners[0].Name"] = "Hanoi",
        });
        using var preview = await editor.GetAsync($"/admin/drafts/{draftId}/preview");
        var page = await Http.ParseAsync(await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("A project still in draft", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".preview-banner"));
        Assert.Equal(count, await portal.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task AnAreaDraft_IsPreviewedAsTheCatalogueFilteredByIt()
    {
        using var portal = new AdminPortalFactory();
        var editor = await portal.SignedInClientAsync();
        var area = await portal.WithDbAsync(db => db.Areas.AsNoTracking().OrderBy(a => a.Position).FirstAsync());
        var draftId = await SaveDraftAsync(editor, $"/admin/areas/{area.Id}/edit", new() { ["Input.Name"] = "Renamed in a draft" });

        var page = await editor.GetDocumentAsync($"/admin/drafts/{draftId}/preview");

        Assert.Contains("Renamed in a draft", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector(".preview-banner"));
        Assert.DoesNotContain("Renamed in a draft", await portal.CreatePortalClient().GetStringAsync($"/projects?area={area.Slug}"));
    }

    [Fact]
    public async Task APreview_AsksForSignIn_AndADraftThatNoLongerFits_IsExplained()
    {
        using var portal = new AdminPortalFactory();
        var editor = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        var draftId = await SaveDraftAsync(editor, $"/admin/projects/{project.Id}/edit", new() { ["Input.Title"] = "Secret draft title" });

        using var anonymous = await portal.CreatePortalClient().GetAsync($"/admin/drafts/{draftId}/preview");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/admin/sign-in", anonymous.Headers.Location!.OriginalString);

        using var missing = await editor.GetAsync("/admin/drafts/999999/preview");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).ExecuteDeleteAsync());
        using var gone = await editor.GetAsync($"/admin/drafts/{draftId}/preview");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, gone.StatusCode);
        Assert.Contains("cannot be previewed", await gone.Content.ReadAsStringAsync());
    }
}
