using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Journeys;

/// <summary>
/// A translator's Spanish title: opened from the translations list, kept as a draft, previewed as the Spanish page,
/// submitted, and public once a reviewer publishes it; a translation that cannot be saved says why.
/// </summary>
[Collection(AdminBrowserCollection.Name)]
public sealed partial class TranslationJourneyTests(AdminBrowserPortal portal) : AdminBrowserTest(portal)
{
    public static readonly TheoryData<string> Devices = ["desktop", "phone"];

    // Each device translates its own seeded project, which no other browser test edits.
    private static readonly Dictionary<string, (int Project, string Title)> Translations = new()
    {
        ["desktop"] = (24, "Consulta sobre políticas (escritorio)"),
        ["phone"] = (25, "Consulta sobre transporte público (móvil)"),
    };

    [GeneratedRegex("^/admin/translations/[0-9]+/edit$")]
    private static partial Regex TranslationForm();

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task ATranslationDraft_IsPreviewedInSpanish_AndReadersSeeItOnlyOncePublished(string device)
    {
        var (project, title) = Translations[device];
        var deviceOptions = device == "phone" ? Phone : Desktop;
        var draftPath = "";
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/admin/translations?culture=es&kind=project");
            await page.Locator($"table.admin-list a[href='/admin/translations/es/project/{project}']").ClickAsync();
            Assert.Matches(TranslationForm(), new Uri(page.Url).AbsolutePath);
            var field = page.GetByLabel("Title: español");
            await Expect(field).ToHaveAttributeAsync("lang", "es");
            await AssertFitsTheScreenAsync(page);
            await AssertNoViolationsAsync(page, $"translation form ({device})");

            await field.FillAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Keep as a draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("draft");
            draftPath = new Uri(page.Url).AbsolutePath;
            await AssertNoViolationsAsync(page, $"translation draft ({device})");

            await page.GetByRole(AriaRole.Link, new() { Name = "Preview the public page with this draft" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
            await Expect(page.Locator(".preview-banner")).ToHaveCountAsync(1);
            await AssertFitsTheScreenAsync(page);
            await AssertNoViolationsAsync(page, $"translation draft preview ({device})");

            await page.GotoAsync(draftPath);
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Submitted for review");
        }, await SignedInAsync(Account.Editor, deviceOptions), device);

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/es/projects/{project}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToContainTextAsync(title);
        }, deviceOptions, device);

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync(draftPath);
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve and publish now" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");

            await page.GotoAsync($"/es/projects/{project}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
            await Expect(page.Locator(".preview-banner")).ToHaveCountAsync(0);
        }, await SignedInAsync(Account.Admin, deviceOptions), device);
    }

    [Fact]
    public async Task ATranslationThatCannotBeSaved_SaysWhy_AndKeepsTheText() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/translations?culture=es&kind=section");
        await page.Locator("table.admin-list tbody a").First.ClickAsync();
        var body = page.GetByLabel("Text (Markdown): español");
        await body.FillAsync(new string('[', 5000));
        await page.Locator(".form-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(body).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(body).ToHaveValueAsync(new string('[', 5000));
        await AssertNoViolationsAsync(page, "translation form with an error");
    }, await SignedInAsync(Account.Editor));
}
