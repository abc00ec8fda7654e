using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Accessibility;

/// <summary>The editors' pages held to the same WCAG 2.0/2.1/2.2 A and AA rules as the public ones.</summary>
[Collection(AdminBrowserCollection.Name)]
public sealed partial class AdminAxeTests(AdminBrowserPortal portal) : AdminBrowserTest(portal)
{
    [Theory]
    [MemberData(nameof(AdminPages.All), MemberType = typeof(AdminPages))]
    public async Task AdminPage_HasNoWcagAOrAAViolations(string path, Account account) => await InBrowserAsync(async page =>
    {
        await page.GotoAsync(path);
        // Signed-in pages must really be the page asked for, not the sign-in form they redirect to.
        Assert.Equal(path, new Uri(page.Url).PathAndQuery);

        await AssertNoViolationsAsync(page, path);
    }, await SignedInAsync(account), path);

    [Fact]
    public Task SignIn_WithErrors_HasNoWcagAOrAAViolations() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(page, "sign-in with errors");
    });

    [Fact]
    public async Task ProjectEdit_WithValidationErrors_HasNoWcagAOrAAViolations() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/projects/2/edit");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("End year").FillAsync("1800");
        await page.Locator(".form-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter the project’s title.");
        await Expect(page.Locator("#Input_EndYear-error")).ToContainTextAsync("Enter a year between 1900 and 2100.");

        await AssertNoViolationsAsync(page, "project edit with errors");
    }, await SignedInAsync(Account.Editor));

    [Fact]
    public async Task ProjectEdit_InPreview_HasNoWcagAOrAAViolations() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/projects/2/edit");
        await page.GetByLabel("Description (Markdown)").FillAsync("## Results\n\nA **bold** claim, a [link](https://example.org) and a list:\n\n- one\n- two");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator(".preview strong")).ToHaveTextAsync("bold");

        await AssertNoViolationsAsync(page, "project edit in preview");
    }, await SignedInAsync(Account.Editor));

    [Fact]
    public async Task ProjectHistory_WithChanges_HasNoWcagAOrAAViolations() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/projects/3/edit");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Smartcard ticketing for Auckland's buses");
        await page.Locator(".form-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(page.Locator(".diff-table")).ToHaveCountAsync(1);

        await AssertNoViolationsAsync(page, "project history with a change");
    }, await SignedInAsync(Account.Editor));

    [Fact]
    public async Task DraftPage_HasNoWcagAOrAAViolations() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/content/1/edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep as a draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Submitted");

        await AssertNoViolationsAsync(page, "draft page");
    }, await SignedInAsync(Account.Editor));

    [Fact]
    public async Task ConflictPage_HasNoWcagAOrAAViolations() => await InBrowserAsync(async page =>
    {
        // Two tabs of the same editor stand in for two editors: the second save is made from a stale form.
        await page.GotoAsync("/admin/cities/2/edit");
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/admin/cities/2/edit");
        await other.GetByLabel("Note").FillAsync("Saved first, from another tab.");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        await page.GetByLabel("Note").FillAsync("Saved second, from a stale form.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".conflict")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(page, "conflict page");
    }, await SignedInAsync(Account.Editor));

    [Fact]
    public async Task StaleArchive_HasNoWcagAOrAAViolations() => await InBrowserAsync(async page =>
    {
        // The archive button of a page loaded before another tab's save: the 409 page lists that save.
        await page.GotoAsync("/admin/cities/3/edit");
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/admin/cities/3/edit");
        await other.GetByLabel("Note").FillAsync("Saved from another tab before the archive.");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Archive" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Someone else saved this");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Archive anyway" })).ToBeVisibleAsync();

        await AssertNoViolationsAsync(page, "stale archive");
    }, await SignedInAsync(Account.Editor));

    [Fact]
    public async Task ThrottledSignIn_AndTheThrottlesPage_HaveNoWcagAOrAAViolations()
    {
        await InBrowserAsync(async page =>
        {
            // Five free failures, a sixth that starts a wait, and the attempt that has to wait.
            for (var i = 0; i < 7; i++)
            {
                await page.GotoAsync("/admin/sign-in");
                await page.GetByLabel("Email address").FillAsync("nobody.here@example.org");
                await page.GetByLabel("Password").FillAsync($"Wrong-password-{i}!");
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            }

            await Expect(page.Locator(".error-summary")).ToContainTextAsync("Too many failed attempts to sign in.");
            await AssertNoViolationsAsync(page, "throttled sign-in");
        });

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/admin/throttles");
            await Expect(page.Locator("tbody tr", new() { HasText = "nobody.here@example.org" })).ToContainTextAsync("Waiting until");

            await AssertNoViolationsAsync(page, "sign-in throttles");
        }, await SignedInAsync(Account.Admin));

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/admin/throttles");
            await Expect(page.Locator("tbody tr", new() { HasText = "nobody.here@example.org" })).ToBeVisibleAsync();

            await AssertFitsTheScreenAsync(page);
        }, await SignedInAsync(Account.Admin, Phone), "phone");
    }

    [Fact]
    public async Task AccessDenied_HasNoWcagAOrAAViolations() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/users");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/access-denied"));

        await AssertNoViolationsAsync(page, "access denied");
    }, await SignedInAsync(Account.Editor));
}
