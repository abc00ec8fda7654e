using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Admin;

public sealed class OtherContentTests
{
    [Fact]
    public async Task EditingACity_ShowsOnTheCityDirectoryAndIsSearchable()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var id = await portal.WithDbAsync(db => db.Cities.Where(c => c.Name == "Taipei").Select(c => c.Id).SingleAsync());
        var form = await client.EditFormAsync($"/admin/cities/{id}/edit");

        using var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Taipei Renamed", ["Input.SinceYear"] = "1968" });

        await client.FollowAsync(response);
        var directory = await client.GetStringAsync("/cities?q=renamed");
        Assert.Contains("Taipei Renamed", directory);
        var api = await client.GetJsonAsync("/api/cities?q=renamed");
        Assert.Equal(1968, Assert.Single(api.GetProperty("items").EnumerateArray()).GetProperty("since").GetInt32());
    }

    [Fact]
    public async Task InvalidCity_ComesBackWithMessagesAndInput()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var form = await client.EditFormAsync("/admin/cities/new");

        using var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Nowhere", ["Input.SinceYear"] = "1800" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Equal("Nowhere", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#Input_CountryCode")!.GetAttribute("aria-invalid"));
        Assert.Contains("between 1900 and 2100", page.QuerySelector("#Input_SinceYear-error")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Cities.CountAsync(c => c.Name == "Nowhere")));
    }

    [Fact]
    public async Task EditingAnOverviewSection_WithPreview_ShowsOnTheOverview()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var id = await portal.WithDbAsync(db => db.ContentSections.OrderBy(s => s.Position).Select(s => s.Id).FirstAsync());
        var form = await client.EditFormAsync($"/admin/content/{id}/edit");

        using var preview = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Title"] = "What the initiative is, rewritten",
            ["Input.BodyMarkdown"] = "A *fresh* paragraph.",
        }, "preview");
        var previewPage = await preview.DocumentAsync();
        Assert.Equal("fresh", previewPage.QuerySelector(".preview .prose em")!.TextContent);
        Assert.DoesNotContain("A *fresh* paragraph.", await client.GetStringAsync("/"));

        using var saved = await client.SubmitAsync(previewPage.QuerySelector<IHtmlFormElement>("form.stacked-form")!, null, "save");
        await client.FollowAsync(saved);

        var overview = await client.GetDocumentAsync("/");
        Assert.Contains(overview.QuerySelectorAll("section.prose h2"), h => h.TextContent == "What the initiative is, rewritten");
        Assert.Contains(overview.QuerySelectorAll("section.prose em"), e => e.TextContent == "fresh");
    }

    [Fact]
    public async Task RenamingAnArea_ShowsInThePublicFilters_AndDuplicateSlugsAreRefused()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var areas = await portal.WithDbAsync(db => db.Areas.OrderBy(a => a.Position).Select(a => new { a.Id, a.Slug }).Take(2).ToListAsync());
        var form = await client.EditFormAsync($"/admin/areas/{areas[0].Id}/edit");

        using var duplicate = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Slug"] = areas[1].Slug });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("already uses this slug", (await duplicate.DocumentAsync()).QuerySelector("#Input_Slug-error")!.TextContent);

        using var renamed = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Renamed Area" });
        await client.FollowAsync(renamed);
        var catalogue = await client.GetDocumentAsync("/projects");
        Assert.Contains(catalogue.QuerySelectorAll("#project-area option"), o => o.TextContent.StartsWith("Renamed Area"));
    }

    [Fact]
    public async Task ArchivingASubArea_RemovesItFromThePublicFilter_UntilItIsRestored()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var concentration = await portal.WithDbAsync(db => db.Concentrations.OrderBy(c => c.Id).Select(c => new { c.Id, c.Slug }).FirstAsync());
        var edit = await client.GetDocumentAsync($"/admin/concentrations/{concentration.Id}/edit");

        using var archived = await client.SubmitAsync(edit.QuerySelector<IHtmlFormElement>($"form[action='/admin/concentrations/{concentration.Id}/archive']")!);
        await client.FollowAsync(archived);
        using (var refused = await client.GetAsync($"/api/projects?concentration={concentration.Slug}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var archivedPage = await client.GetDocumentAsync($"/admin/concentrations/{concentration.Id}/edit");
        using var restored = await client.SubmitAsync(
            archivedPage.QuerySelector<IHtmlFormElement>($"form[action='/admin/concentrations/{concentration.Id}/unarchive']")!);
        await client.FollowAsync(restored);
        using (var accepted = await client.GetAsync($"/api/projects?concentration={concentration.Slug}"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var history = await client.GetDocumentAsync($"/admin/concentrations/{concentration.Id}/history");
        Assert.Equal(2, history.QuerySelectorAll(".revision").Length);
    }

    [Fact]
    public async Task StaleCityForm_ShowsTheConflictPage()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var id = await portal.WithDbAsync(db => db.Cities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var stale = await client.EditFormAsync($"/admin/cities/{id}/edit");
        var fresh = await client.EditFormAsync($"/admin/cities/{id}/edit");
        using (var first = await client.SubmitAsync(fresh, new Dictionary<string, string> { ["Input.Note"] = "First note" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await client.SubmitAsync(stale, new Dictionary<string, string> { ["Input.Note"] = "Second note" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("First note", await portal.WithDbAsync(db => db.Cities.Where(c => c.Id == id).Select(c => c.Note).SingleAsync()));
        var page = await second.DocumentAsync();
        Assert.Contains("First note", page.QuerySelector(".conflict")!.TextContent);
        Assert.Contains("Second note", page.QuerySelector(".conflict")!.TextContent);
    }

    [Fact]
    public async Task Admin_CanAddAnEditor_AndTheAuditLogListsChangesAndSignIns()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var users = await client.GetDocumentAsync("/admin/users");

        using var weak = await client.SubmitAsync(users.QuerySelector<IHtmlFormElement>("form[action='/admin/users']")!,
            new Dictionary<string, string> { ["Input.Email"] = "new.editor@example.org", ["Input.Password"] = "weakweakweak" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Equal("new.editor@example.org", (await weak.DocumentAsync()).QuerySelector("#Input_Email")!.GetAttribute("value"));

        using var created = await client.SubmitAsync(users.QuerySelector<IHtmlFormElement>("form[action='/admin/users']")!,
            new Dictionary<string, string> { ["Input.Email"] = "new.editor@example.org", ["Input.Password"] = "Strong-Editor-Pass-1!", ["Input.Role"] = "Editor" });
        await client.FollowAsync(created);
        var editor = await portal.SignedInClientAsync("new.editor@example.org", "Strong-Editor-Pass-1!");
        var form = await editor.EditFormAsync("/admin/projects/3/edit");
        using (var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Changed by the new editor" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var audit = await client.GetDocumentAsync("/admin/audit");
        var rows = audit.QuerySelectorAll(".audit-log tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Project edited") && r.Contains("new.editor@example.org") && r.Contains("Changed by the new editor"));
        Assert.Contains(rows, r => r.Contains("Signed in") && r.Contains("new.editor@example.org"));
        Assert.Contains(rows, r => r.Contains("Account created") && r.Contains("new.editor@example.org"));
    }

    [Fact]
    public async Task OutsideDevelopment_TheAuthCookieIsSecure()
    {
        using var portal = new ProductionAdminFactory();
        // Outside Development every cookie is Secure, so the admin area is used over HTTPS, as in production.
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var response = await client.SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class ProductionAdminFactory : AdminPortalFactory
    {
        protected override string EnvironmentName => "Production";
    }
}
