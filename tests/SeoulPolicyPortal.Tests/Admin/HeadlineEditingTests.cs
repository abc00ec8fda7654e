using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>The overview's heading, opening sentence and stated figures, edited through the one editing pipeline.</summary>
public sealed class HeadlineEditingTests
{
    private static Task<int> TextIdAsync(PortalFactory portal, string key) =>
        portal.WithDbAsync(db => db.SiteTexts.Where(t => t.Key == key).Select(t => t.Id).SingleAsync());

    private static Task<int> FigureIdAsync(PortalFactory portal, string key) =>
        portal.WithDbAsync(db => db.StatedFigures.Where(f => f.Key == key).Select(f => f.Id).SingleAsync());

    private static string Lead(IDocument page) => page.QuerySelector(".hero .lead")!.TextContent.Trim();

    private static IElement FigureItem(IDocument page, string href) =>
        page.QuerySelectorAll("ul.figures li.figure").Single(li => li.QuerySelector("a")!.GetAttribute("href")!.EndsWith(href, StringComparison.Ordinal)
            && li.QuerySelector(".figure-source")!.TextContent.Contains("stated", StringComparison.Ordinal));

    [Fact]
    public async Task SeededHeadline_ReadsAsTheInterfaceTextsDid_InEnglishKoreanAndSpanish()
    {
        using var portal = new PortalFactory();
        var reader = portal.CreatePortalClient();

        var english = await reader.GetDocumentAsync("/");
        var korean = await reader.GetDocumentAsync("/ko");
        var spanish = await reader.GetDocumentAsync("/es");

        Assert.Equal("Seoul Policy Sharing Initiative", english.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("Seoul shares what it learned from rapid urban growth", Lead(english));
        Assert.Contains(english.QuerySelectorAll(".figure-label"), l => l.TextContent == "Overseas projects");
        Assert.Equal("서울시 정책공유사업", korean.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(korean.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.StartsWith("서울은 급속한 도시 성장에서", Lead(korean));
        Assert.Contains(korean.QuerySelectorAll(".figure-label"), l => l.TextContent == "해외 사업");
        Assert.Equal("Iniciativa de Seúl para Compartir Políticas", spanish.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(spanish.QuerySelectorAll(".figure-label"), l => l.TextContent == "Proyectos en el extranjero");
        Assert.DoesNotContain(korean.QuerySelectorAll(".figure-label"), l => l.GetAttribute("lang") == "en");
    }

    [Fact]
    public async Task EditingTheHeadingLeadAndAFigure_ShowsOnTheOverview_AndAKoreanTranslationShowsOnKo()
    {
        using var portal = new AdminPortalFactory();
        var reader = portal.CreatePortalClient();
        var editor = await portal.SignedInClientAsync();
        Assert.Equal("Seoul Policy Sharing Initiative", (await reader.GetDocumentAsync("/")).QuerySelector("h1")!.TextContent.Trim());

        foreach (var (key, text) in new[] { (SiteText.OverviewHeading, "Sharing Seoul’s policies"), (SiteText.OverviewLead, "What Seoul learned, shared with cities abroad.") })
        {
            var form = await editor.EditFormAsync($"/admin/site-texts/{await TextIdAsync(portal, key)}/edit");
            using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Text"] = text });
            await editor.FollowAsync(saved);
        }

        var figureId = await FigureIdAsync(portal, "projects");
        var figureForm = await editor.EditFormAsync($"/admin/figures/{figureId}/edit");
        using (var saved = await editor.SubmitAsync(figureForm, new Dictionary<string, string>
        {
            ["Input.Value"] = "98",
            ["Input.Label"] = "Projects abroad",
            ["Input.AsOf"] = "May 2024",
        }))
        {
            await editor.FollowAsync(saved);
        }

        var overview = await reader.GetDocumentAsync("/");
        Assert.Equal("Sharing Seoul’s policies", overview.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("What Seoul learned, shared with cities abroad.", Lead(overview));
        var projects = FigureItem(overview, "/projects");
        Assert.Equal("Projects abroad", projects.QuerySelector(".figure-label")!.TextContent);
        Assert.Contains("98 stated in the source (May 2024)", projects.QuerySelector(".figure-source")!.TextContent);

        // The Korean page keeps the Korean heading; the figure's new English label is shown as English until translated.
        var korean = await reader.GetDocumentAsync("/ko");
        Assert.Equal("서울시 정책공유사업", korean.QuerySelector("h1")!.TextContent.Trim());
        var translateForm = await editor.EditFormAsync(await editor.TranslationFormAddressAsync("ko", "figure", "projects"));
        using (var saved = await editor.SubmitAsync(translateForm, new Dictionary<string, string> { ["Input.Label"] = "해외 협력 사업" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        korean = await reader.GetDocumentAsync("/ko");
        Assert.Contains(korean.QuerySelectorAll(".figure-label"), l => l.TextContent == "해외 협력 사업" && l.GetAttribute("lang") is null);

        // Every save is a revision in the history, with the state before and after.
        var history = await editor.GetDocumentAsync($"/admin/figures/{figureId}/history");
        Assert.Single(history.QuerySelectorAll(".revision"));
        Assert.Contains("Projects abroad", history.QuerySelector(".revision")!.TextContent);
    }

    [Fact]
    public async Task StaleFigureForm_IsAConflict_AndTheFirstSaveStands()
    {
        using var portal = new AdminPortalFactory();
        var editor = await portal.SignedInClientAsync();
        var id = await FigureIdAsync(portal, "sister-cities");
        var stale = await editor.EditFormAsync($"/admin/figures/{id}/edit");
        var fresh = await editor.EditFormAsync($"/admin/figures/{id}/edit");
        using (var first = await editor.SubmitAsync(fresh, new Dictionary<string, string> { ["Input.Value"] = "24" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await editor.SubmitAsync(stale, new Dictionary<string, string> { ["Input.Value"] = "25" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(24, await portal.WithDbAsync(db => db.StatedFigures.Where(f => f.Id == id).Select(f => f.Value).SingleAsync()));
        Assert.Contains("24", (await second.DocumentAsync()).QuerySelector(".conflict")!.TextContent);
    }

    [Theory]
    [InlineData("Input.Value", "-3", "whole number of 0 or more")]
    [InlineData("Input.Value", "seventy", "whole number of 0 or more")]
    [InlineData("Input.Value", "1.5", "whole number of 0 or more")]
    [InlineData("Input.Value", "9999999999", "whole number of 0 or more")]
    [InlineData("Input.Value", "", "Enter the figure the source states.")]
    [InlineData("Input.Label", " ", "Enter the figure’s label.")]
    [InlineData("Input.AsOf", "August 2020, as reported by the Seoul Metropolitan Government in its yearbook", "at most 60 characters")]
    public async Task BadFigureInput_Is422WithTheMessageByTheField_AndNothingIsSaved(string field, string value, string message)
    {
        using var portal = new AdminPortalFactory();
        var editor = await portal.SignedInClientAsync();
        var id = await FigureIdAsync(portal, "projects");
        var form = await editor.EditFormAsync($"/admin/figures/{id}/edit");

        using var response = await editor.SubmitAsync(form, new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains(message, page.QuerySelector($"#{field.Replace('.', '_')}-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector($"#{field.Replace('.', '_')}")!.GetAttribute("aria-invalid"));
        var row = await portal.WithDbAsync(db => db.StatedFigures.AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Equal((97, "Overseas projects", 1), (row.Value, row.Label, row.Version));
    }

    [Fact]
    public async Task EmptyOrOverlongText_Is422WithAMessage()
    {
        using var portal = new AdminPortalFactory();
        var editor = await portal.SignedInClientAsync();
        var form = await editor.EditFormAsync($"/admin/site-texts/{await TextIdAsync(portal, SiteText.OverviewHeading)}/edit");

        using var empty = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Text"] = "" });
        using var overlong = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Text"] = new string('x', 401) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Enter the text.", (await empty.DocumentAsync()).QuerySelector("#Input_Text-error")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlong.StatusCode);
        Assert.Contains("at most 400 characters", (await overlong.DocumentAsync()).QuerySelector("#Input_Text-error")!.TextContent);
    }

    [Fact]
    public async Task HeadlineRows_AreAFixedSet_NeitherCreatedNorArchived()
    {
        using var portal = new AdminPortalFactory();
        var editor = await portal.SignedInClientAsync();
        var id = await TextIdAsync(portal, SiteText.OverviewHeading);
        var edit = await editor.GetDocumentAsync($"/admin/site-texts/{id}/edit");
        Assert.Null(edit.QuerySelector($"form[action='/admin/site-texts/{id}/archive']"));
        var token = edit.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        using var create = await editor.GetAsync("/admin/figures/new");
        using var archive = await editor.PostAsync($"/admin/site-texts/{id}/archive", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("version", "1")]));

        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, archive.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.SiteTexts.AnyAsync(t => t.IsArchived)));
    }

    [Fact]
    public async Task ADraftOfTheOpeningSentence_IsInvisibleUntilPublished_AndShownInItsPreview()
    {
        using var portal = new AdminPortalFactory();
        portal.Settings["Drafts:AuthorsMayPublishOwn"] = "true";
        var reader = portal.CreatePortalClient();
        var editor = await portal.SignedInClientAsync();
        var before = Lead(await reader.GetDocumentAsync("/"));
        var form = await editor.EditFormAsync($"/admin/site-texts/{await TextIdAsync(portal, SiteText.OverviewLead)}/edit");

        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Text"] = "A sentence still in draft." }, "draft");
        var draftId = saved.Headers.Location!.OriginalString.Split('/').Last();
        var draftPage = await editor.FollowAsync(saved);

        Assert.Equal(before, Lead(await reader.GetDocumentAsync("/")));
        using var preview = await editor.GetAsync($"/admin/drafts/{draftId}/preview");
        var previewPage = await Http.ParseAsync(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("A sentence still in draft.", Lead(previewPage));
        Assert.NotNull(previewPage.QuerySelector(".preview-banner"));
        Assert.Equal(before, Lead(await reader.GetDocumentAsync("/")));

        await editor.SubmitAndPublishAsync(draftPage);

        Assert.Equal("A sentence still in draft.", Lead(await reader.GetDocumentAsync("/")));
    }

    [Fact]
    public async Task RawSqlUpdateOfASiteTextAndAFigure_ReachesTheOverviewOnTheNextRequest()
    {
        using var portal = new PortalFactory();
        var reader = portal.CreatePortalClient();
        Assert.Equal("Seoul Policy Sharing Initiative", (await reader.GetDocumentAsync("/")).QuerySelector("h1")!.TextContent.Trim());

        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "SiteTexts" SET "Text" = {0} WHERE "Key" = {1}""", "Retitled by an operator", SiteText.OverviewHeading));
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "StatedFigures" SET "Value" = 123 WHERE "Key" = 'projects'"""));

        var overview = await reader.GetDocumentAsync("/");
        Assert.Equal("Retitled by an operator", overview.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("123 stated in the source", FigureItem(overview, "/projects").QuerySelector(".figure-source")!.TextContent);
    }
}
