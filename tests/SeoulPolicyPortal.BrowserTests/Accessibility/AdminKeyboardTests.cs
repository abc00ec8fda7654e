using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SeoulPolicyPortal.BrowserTests.Accessibility;

/// <summary>Signing in and saving an edit with the keyboard alone, the focus visible at every stop.</summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class AdminKeyboardTests(AdminBrowserPortal portal) : AdminBrowserTest(portal)
{
    [Fact]
    public Task SignIn_WithTheKeyboardAlone_OpensTheDashboard() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/sign-in");

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "a.skip-link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#Email");
        await page.Keyboard.TypeAsync(AdminBrowserPortal.EditorEmail);
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#Password");
        await page.Keyboard.TypeAsync(AdminBrowserPortal.EditorPassword);
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "form.stacked-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(Url("/admin"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
    });

    [Fact]
    public async Task EditForm_ChangedAndSavedWithTheKeyboardAlone_SavesIt() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/projects/10/edit");
        var original = await page.Locator("#Input_Title").InputValueAsync();

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "a.skip-link");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "#Input_Title");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" (keyboard edit)");

        // Every field, partner button and Preview lie between the title and Save; each stop must show its focus.
        await TabToAsync(page, ".form-actions button[value=save]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync(original + " (keyboard edit)");
    }, await SignedInAsync(Account.Editor));

    [Fact]
    public async Task EditForm_EnterInTheTitleField_SavesRatherThanPressingTheFirstPartnerButton() => await InBrowserAsync(async page =>
    {
        // The form's first submit button in the document would otherwise be "Remove partner 1".
        await page.GotoAsync("/admin/projects/11/edit");
        var partners = await page.Locator(".partner-row").CountAsync();
        var title = page.Locator("#Input_Title");
        await title.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" (saved with Enter)");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Expect(page.Locator(".partner-row")).ToHaveCountAsync(partners);
        await Expect(title).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@" \(saved with Enter\)$"));
    }, await SignedInAsync(Account.Editor));

    /// <summary>Presses Tab until the element has focus, checking that every stop on the way shows it.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector);
        for (var stop = 0; stop < 80; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            var where = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.outerHTML.slice(0, 120); }");
            await AssertFocusVisibleAsync(page, where);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{selector} was not reached with 80 presses of Tab");
    }
}
