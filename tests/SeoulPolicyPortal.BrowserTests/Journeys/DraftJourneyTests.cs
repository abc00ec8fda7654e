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

            // The saved draft reopens in the project's own form, filled from the draft; saving keeps the one draft.
            await page.GetByRole(AriaRole.Link, new() { Name = "Edit this draft" }).ClickAsync();
            await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(newTitle);
            await AssertFitsTheScreenAsync(page);
            await AssertNoViolationsAsync(page, $"draft edit form ({device})");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The draft was saved");

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

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task AReviewer_SchedulesAnUnpublishingInTheirTimeZone_SeesItListed_AndCancelsIt(string device)
    {
        var project = device == "phone" ? 23 : 22;
        var deviceOptions = device == "phone" ? Phone : Desktop;
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/admin/account/password");
            await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Madrid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the time zone" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("time zone is saved");
            try
            {
                await page.GotoAsync($"/admin/projects/{project}/edit");
                await page.GetByRole(AriaRole.Link, new() { Name = "Unpublish later" }).ClickAsync();
                var when = page.GetByLabel("Date and time (Europe/Madrid)");
                await AssertFitsTheScreenAsync(page);
                await AssertNoViolationsAsync(page, $"unpublish later ({device})");

                await when.FillAsync("2001-01-01T09:00");
                await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the unpublishing" }).ClickAsync();
                await Expect(page.Locator(".error-summary")).ToContainTextAsync("still to come");
                await AssertNoViolationsAsync(page, $"unpublish later, refused ({device})");

                await page.GetByLabel("Date and time (Europe/Madrid)").FillAsync($"{DateTime.UtcNow.Year + 2}-06-01T09:00");
                await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the unpublishing" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Scheduled");
                await Expect(page.Locator(".facts")).ToContainTextAsync($"unpublished at {DateTime.UtcNow.Year + 2}-06-01 09:00 (Europe/Madrid)");
                await AssertFitsTheScreenAsync(page);
                await AssertNoViolationsAsync(page, $"scheduled unpublishing ({device})");

                var draftPath = new Uri(page.Url).AbsolutePath;
                await page.GotoAsync("/admin");
                await Expect(page.Locator($".drafts-summary a[href='{draftPath}']")).ToHaveCountAsync(1);
                await Expect(page.Locator(".drafts-summary")).ToContainTextAsync("unpublished at");
                await page.GotoAsync(draftPath);
                await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the unpublishing" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("cancelled");
            }
            finally
            {
                await page.GotoAsync("/admin/account/password");
                await page.GetByLabel("Time zone").SelectOptionAsync("Asia/Seoul");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save the time zone" }).ClickAsync();
            }
        }, await SignedInAsync(Account.Admin, deviceOptions), device);

        await InBrowserAsync(async page =>
        {
            var response = await page.GotoAsync($"/projects/{project}");
            Assert.True(response!.Ok);
        }, deviceOptions, device);
    }
}
