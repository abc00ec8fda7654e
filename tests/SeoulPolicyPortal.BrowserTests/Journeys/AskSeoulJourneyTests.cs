using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Journeys;

/// <summary>
/// An official asks Seoul about a project; an editor finds the request, takes it, answers and closes it; the emails
/// arrive at the test SMTP server. With JavaScript, without it, and on a phone.
/// </summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class AskSeoulJourneyTests(AdminBrowserPortal portal) : AdminBrowserTest(portal)
{
    public static readonly TheoryData<string> Devices = ["desktop", "desktop-no-javascript", "phone"];

    private static BrowserNewContextOptions Options(string device) => device switch
    {
        "phone" => Phone,
        "desktop-no-javascript" => new BrowserNewContextOptions(Desktop) { JavaScriptEnabled = false },
        _ => Desktop,
    };

    private static async Task AssertAccessibleAsync(IPage page, string what, string device = "desktop")
    {
        // axe is a script that waits on timers, which never fire where JavaScript is off (it would wait for ever); the
        // markup is the same with JavaScript on, where it is checked.
        if (device == "desktop-no-javascript")
        {
            return;
        }

        var result = await page.RunAxe(WcagAandAA);
        Assert.True(result.Violations.Length == 0, Describe(what, result));
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task Official_AsksFromAProjectPage_EditorAssignsAnswersAndCloses_AndTheMailsArrive(string device)
    {
        var email = $"official.{device}@example.org";
        var name = $"Official on {device}";
        string reference = "";

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/projects/7");
            var title = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ask Seoul about this project" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ask Seoul");
            await Expect(page.GetByLabel("Topic")).ToHaveValueAsync(new Regex(Regex.Escape(title[..Math.Min(title.Length, 40)])));
            await AssertFitsTheScreenAsync(page);

            // Sent half-filled first: the summary lists what is missing and what was typed stays.
            await page.GetByLabel("Full name").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Heading)).ToHaveTextAsync("There is a problem");
            await Expect(page.GetByLabel("Full name")).ToHaveValueAsync(name);
            await AssertAccessibleAsync(page, "the request form with errors", device);
            await page.GetByRole(AriaRole.Link, new() { Name = "Enter your email address." }).ClickAsync();
            await Expect(page.Locator("#Input_Email")).ToBeFocusedAsync();

            await page.GetByLabel("Job title").FillAsync("Head of Mobility");
            await page.GetByLabel("Organisation").FillAsync("City of Tashkent");
            await page.GetByLabel("City", new() { Exact = true }).FillAsync("Tashkent");
            await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Uzbekistan" });
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Language for the answer").SelectOptionAsync("ru");
            await page.GetByLabel("Your message").FillAsync("Could Seoul share how the fare system was introduced?\nThank you.");
            await page.GetByLabel("I agree that the Seoul Policy Portal keeps").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your request was sent");
            reference = (await page.Locator(".reference").TextContentAsync())!.Trim();
            Assert.Matches(@"^SPS-\d{4}-\d{5}$", reference);
            await AssertFitsTheScreenAsync(page);
            await AssertAccessibleAsync(page, "the confirmation page", device);
        }, Options(device), $"{device}-official");

        var acknowledgement = (await Admin.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email))).Single();
        Assert.Contains(reference, acknowledgement.Subject);
        Assert.Contains($"Dear {name},", acknowledgement.TextBody);
        await Admin.Smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith($"New request {reference}") && m.To.Mailboxes.Any(b => b.Address == AdminBrowserPortal.EditorEmail));

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/admin");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Requests" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Requests");
            var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filter requests" });
            await filters.GetByLabel("Country").SelectOptionAsync("UZ");
            await filters.GetByRole(AriaRole.Button, new() { Name = "Show requests" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("country=UZ"));
            await AssertFitsTheScreenAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Request {reference}");
            await Expect(page.Locator(".message-text").First).ToHaveTextAsync("Could Seoul share how the fare system was introduced?\nThank you.");

            await page.GetByLabel("Assigned to").SelectOptionAsync(AdminBrowserPortal.EditorEmail);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save status and assignment" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("updated");

            await page.GetByLabel("Answer", new() { Exact = true }).FillAsync($"Dear {name},\n\nYes: our transport office will write to you this week.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("on its way");
            await Expect(page.Locator(".status-tag").First).ToHaveTextAsync("Answered");

            var answer = (await Admin.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject ?? "").StartsWith("Your request"))).Single();
            Assert.Contains("our transport office will write to you this week", answer.TextBody);
            Assert.Contains(reference, answer.TextBody);

            await page.ReloadAsync();
            await Expect(page.Locator(".delivery")).ToHaveAttributeAsync("data-delivery", "sent");
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("closed");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save status and assignment" }).ClickAsync();
            await Expect(page.Locator(".status-tag").First).ToHaveTextAsync("Closed");
            await Expect(page.Locator(".history-list li")).ToHaveCountAsync(5);
            await Expect(page.Locator(".history-list li").Last).ToContainTextAsync("Status changed from Answered to Closed");
            await AssertFitsTheScreenAsync(page);
            await AssertAccessibleAsync(page, "a closed request", device);
        }, await SignedInAsync(Account.Editor, Options(device)), $"{device}-editor");
    }

    [Fact]
    public async Task RequestPage_WithAnErrorAndWithAConflict_HasNoWcagAOrAAViolations() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/requests/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Write the note.");
        await AssertAccessibleAsync(page, "request page with an error");

        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/admin/requests/1");
        await page.GotoAsync("/admin/requests/1");
        await other.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("in-progress");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save status and assignment" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("updated");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("spam");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save status and assignment" }).ClickAsync();
        await Expect(page.Locator(".conflict")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "request page with a conflict");

        // Discarding keeps the other editor's change.
        await page.GetByRole(AriaRole.Link, new() { Name = "Discard mine (keep theirs)" }).ClickAsync();
        await Expect(page.Locator(".status-tag").First).ToHaveTextAsync("In progress");
    }, await SignedInAsync(Account.Admin));

    [Fact]
    public Task ARobotFillingTheHoneypot_GetsAPlain400Page_WithNoWcagAOrAAViolations() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/consultations/new");
        await page.GetByLabel("Full name").FillAsync("Robot");
        // The field is off screen and out of the tab order: only a program that fills every input reaches it.
        await page.Locator("#Input_Website").FillAsync("http://spam.example", new() { Force = true });
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your request could not be accepted");
        await AssertAccessibleAsync(page, "the honeypot page");
    }, Phone);
}
