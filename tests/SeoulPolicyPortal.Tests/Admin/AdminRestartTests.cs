using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Admin;

public sealed class AdminRestartTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task Restart_KeepsEditsArchivesAndHistoryMadeInTheAdminArea()
    {
        int editedId, archivedId, revisions;
        using (var first = new AdminPortalFactory(_database.Path))
        {
            var client = await first.SignedInClientAsync();
            (editedId, archivedId) = await first.WithDbAsync(async db =>
                (await db.Projects.Where(p => p.SeedKey == "p010").Select(p => p.Id).SingleAsync(),
                 await db.Projects.Where(p => p.SeedKey == "p011").Select(p => p.Id).SingleAsync()));
            var form = await client.EditFormAsync($"/admin/projects/{editedId}/edit");
            using (var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Edited Before The Restart" }, "save"))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            var archivedEdit = await client.GetDocumentAsync($"/admin/projects/{archivedId}/edit");
            using (var archived = await client.SubmitAsync(archivedEdit.QuerySelector<IHtmlFormElement>($"form[action='/admin/projects/{archivedId}/archive']")!))
            {
                Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
            }

            var cityId = await first.WithDbAsync(db => db.Cities.Where(c => c.Name == "Taipei").Select(c => c.Id).SingleAsync());
            var cityForm = await client.EditFormAsync($"/admin/cities/{cityId}/edit");
            using (var saved = await client.SubmitAsync(cityForm, new Dictionary<string, string> { ["Input.SinceYear"] = "1968" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            revisions = await first.WithDbAsync(db => db.Revisions.CountAsync());
        }

        using var second = new AdminPortalFactory(_database.Path);
        var reader = second.CreatePortalClient();

        var page = await reader.GetDocumentAsync($"/projects/{editedId}/edited-before-the-restart");
        Assert.Equal("Edited Before The Restart", page.QuerySelector("h1")!.TextContent);
        using (var archived = await reader.GetAsync($"/projects/{archivedId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, archived.StatusCode);
        }

        Assert.Equal(1968, await second.WithDbAsync(db => db.Cities.Where(c => c.Name == "Taipei").Select(c => c.SinceYear).SingleAsync()));
        Assert.Equal(revisions, await second.WithDbAsync(db => db.Revisions.CountAsync()));
        var editor = await second.SignedInClientAsync();
        var history = await editor.GetDocumentAsync($"/admin/projects/{editedId}/history");
        Assert.Single(history.QuerySelectorAll(".revision"));
    }

    public void Dispose() => _database.Dispose();
}
