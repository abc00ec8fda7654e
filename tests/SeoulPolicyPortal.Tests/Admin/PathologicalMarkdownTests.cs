using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Tests.Platform;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>
/// Markdown that cannot be rendered is refused at save with the reason beside the field, everything typed kept, and
/// no page ever answers anything but 200 because of what an editor wrote.
/// </summary>
public sealed class PathologicalMarkdownTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    [Theory]
    [MemberData(nameof(PathologicalMarkdown.RefusedNames), MemberType = typeof(PathologicalMarkdown))]
    public async Task ProjectDescription_ThatCannotBeRendered_IsRefusedWithItsReason_AndThePageStaysUp(string name)
    {
        var @case = PathologicalMarkdown.Named(name);
        var client = await portal.SignedInClientAsync();
        var (id, before) = await portal.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p002")
            .Select(p => new { p.Id, p.Version }).SingleAsync().ContinueWith(t => (t.Result.Id, t.Result.Version)));
        var form = await client.EditFormAsync($"/admin/projects/{id}/edit");

        using var preview = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.DescriptionMarkdown"] = @case.Markdown }, "preview");
        await AssertRefusedAsync(preview, @case, "#Input_DescriptionMarkdown", HttpStatusCode.OK);
        using var save = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.DescriptionMarkdown"] = @case.Markdown }, "save");
        await AssertRefusedAsync(save, @case, "#Input_DescriptionMarkdown", HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
        await AssertAnswersAsync(client, $"/projects/{id}");
    }

    [Theory]
    [MemberData(nameof(PathologicalMarkdown.RefusedNames), MemberType = typeof(PathologicalMarkdown))]
    public async Task OverviewSection_ThatCannotBeRendered_IsRefusedWithItsReason_AndTheOverviewStaysUp(string name)
    {
        var @case = PathologicalMarkdown.Named(name);
        var client = await portal.SignedInClientAsync();
        var id = await portal.WithDbAsync(db => db.ContentSections.OrderBy(s => s.Position).Select(s => s.Id).FirstAsync());
        var form = await client.EditFormAsync($"/admin/content/{id}/edit");

        using var preview = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.BodyMarkdown"] = @case.Markdown }, "preview");
        await AssertRefusedAsync(preview, @case, "#Input_BodyMarkdown", HttpStatusCode.OK);
        using var save = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.BodyMarkdown"] = @case.Markdown }, "save");
        await AssertRefusedAsync(save, @case, "#Input_BodyMarkdown", HttpStatusCode.UnprocessableEntity);

        Assert.DoesNotContain(await portal.WithDbAsync(db => db.ContentSections.Select(s => s.BodyMarkdown).ToListAsync()), b => b == @case.Markdown);
        await AssertAnswersAsync(client, "/");
    }

    // A preview is a re-render that saves nothing (200); a refused save is a 400.
    private static async Task AssertRefusedAsync(HttpResponseMessage response, PathologicalMarkdown.Case @case, string field, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains(@case.Problem, page.QuerySelector(".error-summary")!.TextContent);
        var textArea = page.QuerySelector<IHtmlTextAreaElement>(field)!;
        Assert.Equal("true", textArea.GetAttribute("aria-invalid"));
        Assert.Contains(@case.Problem, page.GetElementById(textArea.Id + "-error")!.TextContent);
        Assert.Equal(@case.Markdown, textArea.Value.Replace("\r\n", "\n"));
        Assert.Null(page.QuerySelector(".preview"));
    }

    /// <summary>The address answers 200, after at most one redirect to its canonical form.</summary>
    internal static async Task<IDocument> AssertAnswersAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.MovedPermanently)
        {
            return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.DocumentAsync();
    }
}

/// <summary>Rows saved before the limits existed: their HTML is filled at start-up, and their pages answer.</summary>
public sealed class StoredMarkdownHtmlTests
{
    [Fact]
    public async Task RowsSavedBeforeTheLimits_AreRenderedAtStartUp_AndTheirPagesAnswer()
    {
        using var database = new TemporaryDatabase();
        List<int> ids;
        using (var before = new PortalFactory(database.Path))
        {
            before.CreatePortalClient();
            ids = await before.WithDbAsync(async db =>
            {
                // Written as an older version of the portal would have left them: Markdown saved, no HTML stored.
                var projects = await db.Projects.OrderBy(p => p.Id).Take(PathologicalMarkdown.Refused.Count).Select(p => p.Id).ToListAsync();
                for (var i = 0; i < projects.Count; i++)
                {
                    await db.Database.ExecuteSqlAsync(
                        $"UPDATE \"Projects\" SET \"DescriptionMarkdown\" = {PathologicalMarkdown.Refused[i].Markdown}, \"DescriptionHtml\" = NULL WHERE \"Id\" = {projects[i]}");
                }

                await db.Database.ExecuteSqlAsync($"UPDATE \"ContentSections\" SET \"BodyMarkdown\" = {PathologicalMarkdown.Refused[0].Markdown}, \"BodyHtml\" = NULL");
                return projects;
            });
        }

        using var after = new PortalFactory(database.Path);
        var client = after.CreatePortalClient();

        Assert.Equal(0, await after.WithDbAsync(db => db.ContentSections.CountAsync(s => s.BodyHtml == null)));
        var overview = await PathologicalMarkdownTests.AssertAnswersAsync(client, "/");
        Assert.Contains(new string('>', 128), overview.QuerySelector("section.prose")!.TextContent);
        foreach (var id in ids)
        {
            var page = await PathologicalMarkdownTests.AssertAnswersAsync(client, $"/projects/{id}");
            Assert.NotNull(page.QuerySelector("article .prose p"));
        }
    }

    [Fact]
    public async Task ProjectPage_ShowsTheHtmlStoredAtSave_WithoutRenderingPerView()
    {
        using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        var id = await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.SeedKey == "p001");
            project.DescriptionMarkdown = "Saved as **Markdown**.";
            await db.SaveChangesAsync();
            Assert.Equal(MarkdownRenderer.Render("Saved as **Markdown**.").Html, project.DescriptionHtml);
            // Only the stored HTML changes: a page that rendered the Markdown again would not show this.
            await db.Database.ExecuteSqlAsync($"UPDATE \"Projects\" SET \"DescriptionHtml\" = '<p>Stored <em>HTML</em>.</p>' WHERE \"Id\" = {project.Id}");
            return project.Id;
        });

        var page = await PathologicalMarkdownTests.AssertAnswersAsync(client, $"/projects/{id}");

        Assert.Equal("Stored HTML.", page.QuerySelector("article .prose")!.TextContent.Trim());
    }
}
