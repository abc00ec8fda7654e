using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>Each test changes data, so each gets its own portal and database.</summary>
public sealed class ProjectEditingTests
{
    private static async Task<(AdminPortalFactory Portal, HttpClient Client, Project Project)> StartAsync(string seedKey = "p001")
    {
        var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Partners).SingleAsync(p => p.SeedKey == seedKey));
        return (portal, client, project);
    }

    [Fact]
    public async Task EditingAProject_ShowsTheChangeOnThePublicPagesAtOnce()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var form = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");

        using var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Title"] = "Smart Water Grid for Ulaanbaatar",
            ["Input.DescriptionMarkdown"] = "A **new** description.",
        }, "save");

        var edited = await client.FollowAsync(response);
        Assert.Contains("Saved", edited.QuerySelector(".status-message")!.TextContent);
        Assert.Equal("Smart Water Grid for Ulaanbaatar", edited.QuerySelector("#Input_Title")!.GetAttribute("value"));
        var publicPage = await client.GetDocumentAsync($"/projects/{project.Id}/smart-water-grid-for-ulaanbaatar");
        Assert.Equal("Smart Water Grid for Ulaanbaatar", publicPage.QuerySelector("h1")!.TextContent);
        Assert.Equal("new", publicPage.QuerySelector(".prose strong")!.TextContent);
        var search = await client.GetJsonAsync("/api/projects?q=ulaanbaatar");
        Assert.Contains(search.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == project.Id);
        var saved = await portal.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == project.Id));
        Assert.Equal(project.Version + 1, saved.Version);
        Assert.Equal(AdminPortalFactory.AdminEmail, saved.UpdatedBy);
    }

    [Fact]
    public async Task Partners_AreAddedAndRemovedWithoutJavaScript()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var form = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");
        var rowsBefore = form.QuerySelectorAll(".partner-row").Length;

        using var added = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Typed before adding" }, "add-partner");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var addedPage = await added.DocumentAsync();
        Assert.Equal(rowsBefore + 1, addedPage.QuerySelectorAll(".partner-row").Length);
        Assert.Equal("Typed before adding", addedPage.QuerySelector("#Input_Title")!.GetAttribute("value"));

        var newRow = rowsBefore;
        var withPartner = addedPage.QuerySelector<IHtmlFormElement>("form.stacked-form")!;
        using var saved = await client.SubmitAsync(withPartner, new Dictionary<string, string>
        {
            [$"Input.Partners[{newRow}].CountryCode"] = "JP",
            [$"Input.Partners[{newRow}].Name"] = "Osaka",
        }, "save");
        await client.FollowAsync(saved);
        var partners = await portal.WithDbAsync(db => db.ProjectPartners.Where(pp => pp.ProjectId == project.Id).OrderBy(pp => pp.Position).ToListAsync());
        Assert.Equal(rowsBefore + 1, partners.Count);
        Assert.Equal(("JP", "Osaka"), (partners[^1].CountryCode, partners[^1].Name));

        var again = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");
        using var removed = await client.SubmitAsync(again, null, $"remove-partner-{newRow}");
        var removedForm = (await removed.DocumentAsync()).QuerySelector<IHtmlFormElement>("form.stacked-form")!;
        Assert.Equal(rowsBefore, removedForm.QuerySelectorAll(".partner-row").Length);
        using var savedAgain = await client.SubmitAsync(removedForm, null, "save");
        await client.FollowAsync(savedAgain);
        Assert.Equal(rowsBefore, await portal.WithDbAsync(db => db.ProjectPartners.CountAsync(pp => pp.ProjectId == project.Id)));
        Assert.DoesNotContain("Osaka", await client.GetStringAsync($"/api/projects?q=osaka"));
    }

    [Fact]
    public async Task InvalidForm_ComesBackWithMessagesBesideFieldsAndEverythingTyped()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var form = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");

        using var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.StartYear"] = "2019",
            ["Input.EndYear"] = "2015",
            ["Input.DescriptionMarkdown"] = "Half-written description <kept>",
            ["Input.Partners[0].CountryCode"] = "ZZ",
        }, "save");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.DocumentAsync();
        var summaryLinks = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_Title", summaryLinks);
        Assert.Contains("#Input_EndYear", summaryLinks);
        Assert.Contains("#Input_Partners_0__CountryCode", summaryLinks);
        var title = page.QuerySelector("#Input_Title")!;
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        // The field names its message (and its hint about where readers see it) in aria-describedby.
        var describedBy = title.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains("Input_Title-error", describedBy);
        Assert.Equal("Enter the project’s title.", page.QuerySelector("#Input_Title-error")!.TextContent);
        Assert.Contains("cannot be before the start year", page.QuerySelector("#Input_EndYear-error")!.TextContent);
        Assert.Equal("2015", page.QuerySelector("#Input_EndYear")!.GetAttribute("value"));
        Assert.Equal("Half-written description <kept>", page.QuerySelector<IHtmlTextAreaElement>("#Input_DescriptionMarkdown")!.Value);
        Assert.Equal(project.Title, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task SubAreaFromAnotherArea_IsRefused()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var otherConcentration = await portal.WithDbAsync(db => db.Concentrations.Where(c => c.AreaId != project.AreaId).Select(c => c.Id).FirstAsync());
        var form = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");

        using var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.ConcentrationId"] = otherConcentration.ToString() }, "save");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose a sub-area of the chosen area.", (await response.DocumentAsync()).QuerySelector("#Input_ConcentrationId-error")!.TextContent);
    }

    [Fact]
    public async Task StaleForm_ShowsAConflictWithBothVersions_AndKeepMineOverwritesOnlyWhenChosen()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var second = await portal.SignedInClientAsync();
        var firstForm = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");
        var secondForm = await second.EditFormAsync($"/admin/projects/{project.Id}/edit");

        using var firstSave = await client.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Title"] = "Title from the first editor" }, "save");
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        using var staleSave = await second.SubmitAsync(secondForm, new Dictionary<string, string> { ["Input.Title"] = "Title from the second editor" }, "save");

        Assert.Equal(HttpStatusCode.Conflict, staleSave.StatusCode);
        Assert.Equal("Title from the first editor", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync()));
        var conflict = await staleSave.DocumentAsync();
        var titleRow = conflict.QuerySelectorAll(".conflict tr.changed").Single(r => r.QuerySelector("th")!.TextContent.StartsWith("Title"));
        Assert.Equal("Title from the first editor", titleRow.QuerySelector("[data-side=theirs]")!.TextContent);
        Assert.Equal("Title from the second editor", titleRow.QuerySelector("[data-side=mine]")!.TextContent);
        Assert.NotNull(conflict.QuerySelector($"a[href='/admin/projects/{project.Id}/edit']"));
        var areaRow = conflict.QuerySelectorAll(".conflict tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Area");
        Assert.EndsWith($"({project.AreaId})", areaRow.QuerySelector("[data-side=theirs]")!.TextContent);
        Assert.NotEqual($"({project.AreaId})", areaRow.QuerySelector("[data-side=theirs]")!.TextContent);
        var keepMine = conflict.QuerySelector<IHtmlFormElement>("form.stacked-form")!;
        Assert.Equal("Keep mine (overwrite)", keepMine.QuerySelector("button[value=save]:not(.visually-hidden)")!.TextContent);
        Assert.Equal("Title from the second editor", keepMine.QuerySelector("#Input_Title")!.GetAttribute("value"));

        using var overwrite = await second.SubmitAsync(keepMine, null, "save");

        Assert.Equal(HttpStatusCode.Redirect, overwrite.StatusCode);
        Assert.Equal("Title from the second editor", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync()));
        var versions = await portal.WithDbAsync(db => db.Revisions.Where(r => r.EntityId == project.Id && r.EntityType == "project").Select(r => r.Version).ToListAsync());
        Assert.Equal([project.Version + 1, project.Version + 2], versions);
    }

    [Fact]
    public async Task History_ListsEachChangeWithBeforeAndAfter_AndRestoreMakesANewVersion()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var originalTitle = project.Title;
        foreach (var title in new[] { "Second title", "Third title" })
        {
            var form = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");
            using var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = title }, "save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var history = await client.GetDocumentAsync($"/admin/projects/{project.Id}/history");
        var revisions = history.QuerySelectorAll(".revision");
        Assert.Equal(2, revisions.Length);
        var oldest = revisions[^1];
        var titleChange = oldest.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Title");
        Assert.Equal([originalTitle, "Second title"], titleChange.QuerySelectorAll(".diff-value").Select(d => d.TextContent).ToArray());
        Assert.Contains(AdminPortalFactory.AdminEmail, oldest.TextContent);
        Assert.Null(revisions[0].QuerySelector("form"));

        using var restored = await client.SubmitAsync(oldest.QuerySelector<IHtmlFormElement>("form")!);

        var after = await client.FollowAsync(restored);
        Assert.Equal("Second title", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Title).SingleAsync()));
        Assert.Equal(3, after.QuerySelectorAll(".revision").Length);
        Assert.Contains("restored", after.QuerySelector(".revision .revision-title")!.TextContent);
        Assert.Equal("Second title", (await client.GetDocumentAsync($"/projects/{project.Id}/second-title")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task History_OfASeededProject_CanRestoreTheSeedVersion()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var form = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");
        using (var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Replaced title", ["Input.EndYear"] = "2030" }, "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var history = await client.GetDocumentAsync($"/admin/projects/{project.Id}/history");
        using var restored = await client.SubmitAsync(history.QuerySelector<IHtmlFormElement>("form.restore-before")!);

        await client.FollowAsync(restored);
        var now = await portal.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == project.Id));
        Assert.Equal((project.Title, project.EndYear, project.Version + 2), (now.Title, now.EndYear, now.Version));
    }

    [Fact]
    public async Task Archive_HidesTheProjectFromReaders_AndRestoreBringsItBack()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var publicTotal = (await client.GetJsonAsync("/api/projects")).GetProperty("total").GetInt32();
        var edit = await client.GetDocumentAsync($"/admin/projects/{project.Id}/edit");

        using var archived = await client.SubmitAsync(edit.QuerySelector<IHtmlFormElement>($"form[action='/admin/projects/{project.Id}/archive']")!);

        var archivedPage = await client.FollowAsync(archived);
        Assert.NotNull(archivedPage.QuerySelector(".archived-notice"));
        using (var gone = await client.GetAsync($"/projects/{project.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        Assert.Equal(publicTotal - 1, (await client.GetJsonAsync("/api/projects")).GetProperty("total").GetInt32());
        var archivedList = await client.GetDocumentAsync("/admin/projects?status=archived");
        Assert.Contains(archivedList.QuerySelectorAll(".admin-list tbody a"), a => a.GetAttribute("href") == $"/admin/projects/{project.Id}/edit");
        var activeList = await client.GetDocumentAsync($"/admin/projects?pageSize=100");
        Assert.DoesNotContain(activeList.QuerySelectorAll(".admin-list tbody a"), a => a.GetAttribute("href") == $"/admin/projects/{project.Id}/edit");

        using var restored = await client.SubmitAsync(archivedPage.QuerySelector<IHtmlFormElement>($"form[action='/admin/projects/{project.Id}/unarchive']")!);

        await client.FollowAsync(restored);
        Assert.Equal(publicTotal, (await client.GetJsonAsync("/api/projects")).GetProperty("total").GetInt32());
        using var back = await client.GetAsync($"/projects/{project.Id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, back.StatusCode);
        var actions = await portal.WithDbAsync(db => db.Revisions.Where(r => r.EntityId == project.Id && r.EntityType == "project").OrderBy(r => r.Id).Select(r => r.Action).ToListAsync());
        Assert.Equal(["archived", "unarchived"], actions);
    }

    [Fact]
    public async Task ANewProject_StartsAsADraft_AndIsPublishedWithItsPartnersOnceReviewed()
    {
        using var portal = new AdminPortalFactory();
        portal.Settings["Drafts:AuthorsMayPublishOwn"] = "true";
        var client = await portal.SignedInClientAsync();
        var (areaId, concentrationId) = await portal.WithDbAsync(db => db.Concentrations.OrderBy(c => c.Id).Select(c => new { c.AreaId, c.Id }).FirstAsync()
            .ContinueWith(t => (t.Result.AreaId, t.Result.Id)));
        var form = await client.EditFormAsync("/admin/projects/new");

        using var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Title"] = "Brand-new Mobility Pilot",
            ["Input.AreaId"] = areaId.ToString(),
            ["Input.ConcentrationId"] = concentrationId.ToString(),
            ["Input.StartYear"] = "2025",
            ["Input.EndYear"] = "2026",
            ["Input.Partners[0].CountryCode"] = "PE",
            ["Input.Partners[0].Name"] = "Lima",
        }, "save");

        var draftPage = await client.FollowAsync(response);
        Assert.Contains("Saved as a draft", draftPage.QuerySelector(".status-message")!.TextContent);
        Assert.Empty((await client.GetJsonAsync("/api/projects?q=mobility+pilot")).GetProperty("items").EnumerateArray());
        Assert.Equal(0, await portal.WithDbAsync(db => db.Projects.CountAsync(p => p.Title == "Brand-new Mobility Pilot")));

        await client.SubmitAndPublishAsync(draftPage);
        var api = await client.GetJsonAsync("/api/projects?q=mobility+pilot");
        var item = Assert.Single(api.GetProperty("items").EnumerateArray());
        Assert.Equal("Brand-new Mobility Pilot", item.GetProperty("title").GetString());
        Assert.Equal(1, await portal.WithDbAsync(db => db.Revisions.CountAsync(r => r.Action == "created")));
    }

    [Fact]
    public async Task Dashboard_ShowsCountsRecentChangesAndDataQuality()
    {
        var (portal, client, project) = await StartAsync();
        using var host = portal;
        using var _ = portal;
        var form = await client.EditFormAsync($"/admin/projects/{project.Id}/edit");
        var fields = AdminHttp.FormFields(form).Where(f => !f.Key.StartsWith("Input.Partners")).ToList();
        using (var saved = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var dashboard = await client.GetDocumentAsync("/admin");

        var activeProjects = await portal.WithDbAsync(db => db.Projects.CountAsync(p => !p.IsArchived));
        Assert.Equal(activeProjects.ToString("N0"), dashboard.QuerySelector("td[data-count='Projects']")!.TextContent);
        Assert.Contains(dashboard.QuerySelectorAll(".recent-list a"), a => a.GetAttribute("href") == $"/admin/projects/{project.Id}/edit");
        string[] Rows(string check) => dashboard.QuerySelectorAll($".quality-group[data-kind='{check}'] tbody tr").Select(r => r.TextContent).ToArray();
        Assert.Contains(Rows("Project without a country"), r => r.Contains(project.Title));
        Assert.NotEmpty(Rows("City without a since-year"));
        var quality = Rows("Declared vs listed");
        var eGovernment = await portal.WithDbAsync(db => db.Areas.Where(a => a.Slug == "e-government")
            .Select(a => new { a.Name, a.DeclaredProjectCount, Listed = db.Projects.Count(p => p.AreaId == a.Id && !p.IsArchived) }).SingleAsync());
        Assert.NotEqual(eGovernment.DeclaredProjectCount, eGovernment.Listed);
        Assert.Contains(quality, r => r.Contains(eGovernment.Name) && r.Contains($"{eGovernment.DeclaredProjectCount} declared, {eGovernment.Listed} listed"));
    }
}
