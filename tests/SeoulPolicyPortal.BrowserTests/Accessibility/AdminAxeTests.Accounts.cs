using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Accessibility;

/// <summary>The account pages, the audit log and the dashboard on a phone, and in the states only a POST or a bad link reaches.</summary>
public sealed partial class AdminAxeTests
{
    public static readonly TheoryData<string, Account> AccountPages = new()
    {
        { "/admin/account/password", Account.Editor },
        { "/admin/forgot-password", Account.Anonymous },
        { "/admin", Account.Editor },
        { "/admin/audit", Account.Admin },
    };

    [Theory]
    [MemberData(nameof(AccountPages))]
    public async Task AccountPage_OnAPhone_FitsTheScreen_AndHasNoViolations(string path, Account account) => await InBrowserAsync(async page =>
    {
        await page.GotoAsync(path);
        Assert.Equal(path, new Uri(page.Url).PathAndQuery);

        await AssertFitsTheScreenAsync(page);
        await AssertNoViolationsAsync(page, path + " on a phone");
    }, await SignedInAsync(account, Phone), path);

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_HasNoViolations_OnAPhoneToo() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/account/password");
        await page.GetByLabel("Current password").FillAsync("Not-The-Password-1!");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("A-Good-New-One-2026!");
        await page.GetByLabel("New password again").FillAsync("A-Different-One-2026!");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("The two new passwords are not the same.");

        await AssertFitsTheScreenAsync(page);
        await AssertNoViolationsAsync(page, "change password with errors");
    }, await SignedInAsync(Account.Editor, Phone));

    [Fact]
    public Task ResetPage_WithABrokenLink_SaysSo_AndHasNoViolations() => InBrowserAsync(async page =>
    {
        var response = await page.GotoAsync("/admin/reset-password?token=cut-off-in-the-email");
        Assert.Equal(400, response!.Status);
        await Expect(page.Locator(".reset-link-problem")).ToContainTextAsync("The link is not valid");

        await AssertFitsTheScreenAsync(page);
        await AssertNoViolationsAsync(page, "reset with a broken link");
    }, Phone);
}
