using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Journeys;

/// <summary>
/// An Editor's draft: kept from readers, previewed as the public page with a banner, submitted, and published by a
/// reviewer, after which readers see it.
/// </summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class DraftJourneyTests(AdminBrowserPortal portal) : AdminBrowserTest(portal)
{
    public static readonly TheoryData<string> Devices = ["desktop", "phone"];

    // Each device drafts a change to its own seeded project, which no other browser test edits.
    private static readonly Dictionary<string, (int Project, string NewTitle)> Drafts = new()
    {
        ["desktop"] = (20, "A drafted title for the desktop journey"),
        ["phone"] = (21, "A drafted title for the phone journey"),
    };

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task EditorsDraft_IsPreviewedWithABanner_AndReadersSeeItOnlyAfterAReviewerPublishesIt(string device)
    {
        var (project, newTitle) = Drafts[device];
        var deviceOptions = device == "phone" ? Phone : Desktop;
        var publicTitle = "";
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/projects/{project}");
            publicTitle = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim();
        }, deviceOptions, device);

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/admin/projects/{project}/edit");
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(newTitle);
            await page.GetByRole(AriaRole.Button, new() { Name = "Keep as a draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("draft");

            await page.GetByRole(AriaRole.Link, new() { Name = "Preview the public page with this draft" }).ClickAsync();
            var banner = page.GetByRole(AriaRole.Region, new() { Name = "Draft preview" });
            await Expect(banner).ToContainTextAsync("readers do not see this yet");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(newTitle);
            await AssertFitsTheScreenAsync(page);
            await AssertNoViolationsAsync(page, $"draft preview ({device})");

            await banner.GetByRole(AriaRole.Link, new() { Name = "Back to the draft" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Submitted for review");
        }, await SignedInAsync(Account.Editor, deviceOptions), device);

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/projects/{project}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(publicTitle);
        }, deviceOptions, device);

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/admin/drafts");
            await page.GetByRole(AriaRole.Link, new() { Name = newTitle }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve and publish now" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");

            await page.GotoAsync($"/projects/{project}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(newTitle);
            await Expect(page.Locator(".preview-banner")).ToHaveCountAsync(0);
        }, await SignedInAsync(Account.Admin, deviceOptions), device);
    }
}
