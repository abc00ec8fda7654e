using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SeoulPolicyPortal.BrowserTests.Accessibility;

/// <summary>The catalogue used with a keyboard alone: every stop reachable with Tab, chosen with keys, and visibly focused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public Task Catalogue_FilteredWithTheKeyboardAlone_ShowsTheChosenProjects() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/projects");

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "a.skip-link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#project-q");

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#project-area");
        // On a closed select, the arrow keys step through the options: "All areas", then the first area.
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#project-area")).ToHaveValueAsync("transportation");

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#project-concentration");
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#project-country");
        // Typing a name jumps to it, as in any native list.
        await page.Keyboard.TypeAsync("Philippines");
        await Expect(page.Locator("#project-country")).ToHaveValueAsync("PH");

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#project-region");
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#project-year");
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "#project-sort");
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAndVisibleAsync(page, "form.filters button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]area=transportation&.*country=PH(&|$)"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Showing all 4 projects");
        await Expect(page.Locator("#project-area")).ToHaveValueAsync("transportation");
        await Expect(page.Locator("#project-country")).ToHaveValueAsync("PH");
    });
}
