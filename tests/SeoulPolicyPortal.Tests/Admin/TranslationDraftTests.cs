using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Drafts;
using SeoulPolicyPortal.Web.Data.Drafts;
using SeoulPolicyPortal.Web.Data.Translations;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>Translations in the one editing pipeline: drafts, preview in their language, review, schedule, history, conflicts.</summary>
public sealed class TranslationDraftTests
{
    private const string EditorEmail = "translator@example.org";
    private const string EditorPassword = "Translator-Password-77!";
    private const string PublisherEmail = "publisher@example.org";
    private const string PublisherPassword = "Publisher-Password-77!";

    private static IEnumerable<IHtmlFormElement> Forms(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("form").OfType<IHtmlFormElement>();

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    // The Korean project page's title, following the slug redirect.
    private static async Task<string> KoreanTitleAsync(HttpClient client, int projectId)
    {
        var url = $"/ko/projects/{projectId}";
        for (var hop = 0; hop < 3; hop++)
        {
            using var response = await client.GetAsync(url);
            if (response.Headers.Location is { } location)
            {
                url = location.OriginalString;
                continue;
            }

            Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
            return (await response.DocumentAsync()).QuerySelector("h1 span")!.TextContent.Trim();
        }

        throw new InvalidOperationException($"{url} redirected too often");
    }

    private static Task<string?> StoredAsync(AdminPortalFactory portal, string kind, string key, string field, string culture = "ko") =>
        portal.WithDbAsync(db => db.Translations.Where(t => t.EntityType == kind && t.EntityKey == key && t.Field == field && t.Culture == culture)
            .Select(t => t.Text).SingleOrDefaultAsync());

    [Fact]
    public async Task ATranslationDraft_IsInvisibleToReaders_PreviewedInItsLanguage_AndPublicOncePublished()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        await portal.AddUserAsync(EditorEmail, EditorPassword, AdminRoles.Editor);
        await portal.AddUserAsync(PublisherEmail, PublisherPassword, AdminRoles.Publisher);
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));
        var before = await KoreanTitleAsync(reader, project.Id);
        var editor = await portal.SignedInClientAsync(EditorEmail, EditorPassword);

        var address = await editor.TranslationFormAddressAsync("ko", TranslatedKinds.Project, Key(project.Id));
        var form = await editor.EditFormAsync(address);
        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "초안 번역 제목" }, "draft");
        var draftPage = await editor.FollowAsync(saved);

        Assert.Contains(draftPage.QuerySelectorAll(".diff-table td"), td => td.TextContent.Contains("초안 번역 제목"));
        Assert.Equal(before, await KoreanTitleAsync(reader, project.Id));
        Assert.NotEqual("초안 번역 제목", await StoredAsync(portal, TranslatedKinds.Project, Key(project.Id), TranslatedKinds.Title));

        // The preview is the Korean page of the project, with the draft's title and the banner; readers keep theirs.
        var draftId = await portal.WithDbAsync(db => db.Drafts.Select(d => d.Id).SingleAsync());
        using (var preview = await editor.GetAsync($"/admin/drafts/{draftId}/preview"))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var page = await preview.DocumentAsync();
            Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("초안 번역 제목", page.QuerySelector("h1 span")!.TextContent.Trim());
            Assert.NotNull(page.QuerySelector(".preview-banner"));
        }

        Assert.Equal(before, await KoreanTitleAsync(reader, project.Id));

        // The translator submits; only a Publisher publishes.
        using var submitted = await editor.SubmitAsync(Forms(draftPage).Single(f => f.Action.EndsWith("/submit", StringComparison.Ordinal)));
        Assert.DoesNotContain(Forms(await editor.FollowAsync(submitted)), f => f.Action.EndsWith("/publish", StringComparison.Ordinal));
        var publisher = await portal.SignedInClientAsync(PublisherEmail, PublisherPassword);
        var review = await publisher.GetDocumentAsync($"/admin/drafts/{draftId}");
        using var published = await publisher.SubmitAsync(Forms(review).Single(f => f.Action.EndsWith("/publish", StringComparison.Ordinal)));
        Assert.Contains("Published", (await publisher.FollowAsync(published)).QuerySelector(".status-message")!.TextContent);

        Assert.Equal("초안 번역 제목", await KoreanTitleAsync(reader, project.Id));
        var entryId = int.Parse(address.Split('/')[3], CultureInfo.InvariantCulture);
        var revisions = await portal.WithDbAsync(db => db.Revisions.Where(r => r.EntityType == "translation" && r.EntityId == entryId).ToListAsync());
        Assert.Equal(PublisherEmail, Assert.Single(revisions).ChangedBy);
        Assert.Contains("초안 번역 제목", revisions[0].SnapshotJson);

        var history = await publisher.GetDocumentAsync($"/admin/translations/{entryId}/history");
        Assert.Contains($"{project.Title} (ko)", history.QuerySelector("h1")!.TextContent);
        var steps = history.QuerySelectorAll("#draft-activity + table tbody tr").Select(row => row.Children[1].TextContent.Trim()).ToList();
        Assert.Equal(["Published from a draft", "Submitted for review", "Saved as a draft"], steps);
    }

    [Fact]
    public async Task AScheduledTranslation_IsPublishedWhenDue_ExactlyOnce()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        var admin = await portal.SignedInClientAsync();
        var form = await admin.EditFormAsync(await admin.TranslationFormAddressAsync("es", TranslatedKinds.Country, "VN"));
        using var saved = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Vietnam (programado)" }, "draft");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draftId = await portal.WithDbAsync(db => db.Drafts.Select(d => d.Id).SingleAsync());
        await portal.WithDbAsync(async db =>
        {
            var drafts = new DraftWork(db, new SeoulPolicyPortal.Web.Areas.Admin.Editing.ContentEditor(db));
            Assert.True(await drafts.MoveAsync(draftId, DraftStatus.Draft, DraftStatus.Submitted, null, null, null, EditorEmail, CancellationToken.None));
            Assert.True(await drafts.MoveAsync(draftId, DraftStatus.Submitted, DraftStatus.Scheduled, null, PublisherEmail,
                DateTime.UtcNow.AddMinutes(-1), PublisherEmail, CancellationToken.None));
        });
        Assert.DoesNotContain("Vietnam (programado)", await reader.GetStringAsync("/es/countries/VN"));

        async Task<int> RunAsync()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DraftWork>().PublishDueAsync(DateTime.UtcNow, CancellationToken.None);
        }

        Assert.Equal(1, (await Task.WhenAll(RunAsync(), RunAsync())).Sum());
        Assert.Equal("Vietnam (programado)", await StoredAsync(portal, TranslatedKinds.Country, "VN", TranslatedKinds.Name, "es"));
        Assert.Contains("Vietnam (programado)", await reader.GetStringAsync("/es/countries/VN"));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Revisions.CountAsync(r => r.EntityType == "translation")));
    }

    [Fact]
    public async Task AStaleTranslationForm_IsAConflict_AndTheFirstSaveStands()
    {
        using var portal = new AdminPortalFactory();
        var admin = await portal.SignedInClientAsync();
        var address = await admin.TranslationFormAddressAsync("ko", TranslatedKinds.Country, "VN");
        var stale = await admin.EditFormAsync(address);
        var fresh = await admin.EditFormAsync(address);
        using (var first = await admin.SubmitAsync(fresh, new Dictionary<string, string> { ["Input.Name"] = "베트남 사회주의 공화국" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await admin.SubmitAsync(stale, new Dictionary<string, string> { ["Input.Name"] = "월남" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.DocumentAsync();
        Assert.Contains("베트남 사회주의 공화국", page.QuerySelector(".conflict")!.TextContent);
        Assert.Equal("월남", page.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value);
        Assert.Equal("베트남 사회주의 공화국", await StoredAsync(portal, TranslatedKinds.Country, "VN", TranslatedKinds.Name));
    }

    [Fact]
    public async Task EmptyingATranslation_ShowsTheEnglish_AndRestoringItsRevisionBringsItBack()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        var admin = await portal.SignedInClientAsync();
        var seeded = await StoredAsync(portal, TranslatedKinds.Country, "VN", TranslatedKinds.Name);
        Assert.False(string.IsNullOrEmpty(seeded));
        var address = await admin.TranslationFormAddressAsync("ko", TranslatedKinds.Country, "VN");

        using (var emptied = await admin.SubmitAsync(await admin.EditFormAsync(address), new Dictionary<string, string> { ["Input.Name"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.Redirect, emptied.StatusCode);
        }

        Assert.Null(await StoredAsync(portal, TranslatedKinds.Country, "VN", TranslatedKinds.Name));
        Assert.DoesNotContain(seeded!, await reader.GetStringAsync("/ko/countries/VN"));

        // The revision kept the seeded name as the state before: restoring it brings the name back to readers.
        var entryId = int.Parse(address.Split('/')[3], CultureInfo.InvariantCulture);
        var history = await admin.GetDocumentAsync($"/admin/translations/{entryId}/history");
        using var restored = await admin.SubmitAsync(Forms(history).First(f => f.ClassList.Contains("restore-before")));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        Assert.Equal(seeded, await StoredAsync(portal, TranslatedKinds.Country, "VN", TranslatedKinds.Name));
        Assert.Contains(seeded!, await reader.GetStringAsync("/ko/countries/VN"));
        Assert.Equal(2, await portal.WithDbAsync(db => db.Revisions.CountAsync(r => r.EntityType == "translation" && r.EntityId == entryId)));
    }

    [Fact]
    public async Task OpeningATranslation_MakesOneRow_AndWhatCannotBeTranslatedIsRefused()
    {
        using var portal = new AdminPortalFactory();
        var admin = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.SeedKey == "p001"));

        var addresses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.TranslationFormAddressAsync("es", TranslatedKinds.Project, Key(project.Id))));
        Assert.Single(addresses.Distinct());
        Assert.Equal(1, await portal.WithDbAsync(db => db.TranslationEntries.CountAsync()));
        // Opening writes no text and moves no content version: readers see nothing change.
        Assert.Equal(0, await portal.WithDbAsync(db => db.Revisions.CountAsync(r => r.EntityType == "translation")));

        foreach (var url in new[]
        {
            "/admin/translations/xx/project/1", "/admin/translations/en/project/1", "/admin/translations/ko/project/abc",
            "/admin/translations/ko/project/99999", "/admin/translations/ko/nothing/1", "/admin/translations/ko/country/ZZ",
            "/admin/translations/new", "/admin/translations/99999/edit",
        })
        {
            using var response = await admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task HostileTranslationInput_IsRefusedOrIgnored_AndNothingElseIsWritten()
    {
        using var portal = new AdminPortalFactory();
        var admin = await portal.SignedInClientAsync();
        var address = await admin.TranslationFormAddressAsync("ko", TranslatedKinds.Country, "VN");

        // Too long: 422 with the message at the field, the text kept, nothing written.
        var seeded = await StoredAsync(portal, TranslatedKinds.Country, "VN", TranslatedKinds.Name);
        using (var tooLong = await admin.SubmitAsync(await admin.EditFormAsync(address), new Dictionary<string, string> { ["Input.Name"] = new string('가', 201) }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
            var page = await tooLong.DocumentAsync();
            Assert.Contains("200", page.QuerySelector("#Input_Name-error")!.TextContent);
            Assert.Equal(new string('가', 201), page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        }

        Assert.Equal(seeded, await StoredAsync(portal, TranslatedKinds.Country, "VN", TranslatedKinds.Name));

        // Fields a country's translation does not have are ignored: only its name is stored.
        using (var extra = await admin.SubmitAsync(await admin.EditFormAsync(address),
            new Dictionary<string, string> { ["Input.Name"] = "베트남", ["Input.Body"] = "<script>alert(1)</script>", ["Input.Title"] = "x" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, extra.StatusCode);
        }

        Assert.Equal("베트남", await StoredAsync(portal, TranslatedKinds.Country, "VN", TranslatedKinds.Name));

        using (var saved = await admin.SubmitAsync(await admin.EditFormAsync(address), new Dictionary<string, string> { ["Input.Name"] = "<b>베트남</b>" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var fields = await portal.WithDbAsync(db => db.Translations.Where(t => t.EntityType == TranslatedKinds.Country && t.EntityKey == "VN" && t.Culture == "ko")
            .Select(t => t.Field).ToListAsync());
        Assert.Equal([TranslatedKinds.Name], fields);
        var reader = portal.CreatePortalClient();
        var html = await reader.GetStringAsync("/ko/countries/VN");
        Assert.Contains("&lt;b&gt;베트남&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>베트남</b>", html);
    }
}
