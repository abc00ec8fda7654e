using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SeoulPolicyPortal.BrowserTests.Budget;

/// <summary>Every public page on a 390 px phone: nothing scrolls sideways (maps, charts and open tables included), the menu keeps one line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    [MemberData(nameof(PublicPages.Translated), MemberType = typeof(PublicPages))]
    public Task PublicPage_OnAPhone_NeverScrollsSideways_EvenWithEveryTableOpen(string path) => InBrowserAsync(async page =>
    {
        await page.GotoAsync(path);
        await AssertFitsTheScreenAsync(page);

        var menuRows = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.nav-list a')].map(a => Math.round(a.getBoundingClientRect().top))");
        Assert.Single(menuRows.Distinct());

        // Open every disclosure (filters, the tables of maps and charts), as a reader might, and look again.
        var opened = await page.EvaluateAsync<int>("() => { const all = [...document.querySelectorAll('details')]; all.forEach(d => d.open = true); return all.length; }");
        await AssertFitsTheScreenAsync(page);
        if (await page.Locator("figure.graphic").CountAsync() > 0)
        {
            Assert.True(opened > 0);
            await Expect(page.Locator("figure.graphic table").First).ToBeVisibleAsync();
        }
    }, Phone, variant: path);

    [Fact]
    public Task CatalogueFilters_FoldOnAPhoneUnderTheirActiveFilters_AndStayOpenOnADesktop_WithoutJavaScript() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/projects?area=transportation&country=PH");
        var form = page.GetByRole(AriaRole.Search, new() { Name = "Filter projects" });
        await Expect(form).ToBeHiddenAsync();
        var summary = page.Locator("details.filter-panel > summary");
        await Expect(summary).ToContainTextAsync("2 filters on: Area: Transportation; Country: Philippines");
        // The first result is on the first screen.
        var firstCard = await page.Locator(".project-card").First.BoundingBoxAsync();
        Assert.True(firstCard!.Y < 844, $"the first result starts at {firstCard.Y}px");

        await summary.ClickAsync();
        await Expect(form).ToBeVisibleAsync();
        await Expect(form.GetByLabel("Area", new() { Exact = true })).ToHaveValueAsync("transportation");
    }, new BrowserNewContextOptions(Phone) { JavaScriptEnabled = false });

    [Fact]
    public Task CatalogueFilters_OnADesktop_AreShownWithoutOpeningAnything() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/projects");

        await Expect(page.GetByRole(AriaRole.Search, new() { Name = "Filter projects" })).ToBeVisibleAsync();
        await Expect(page.Locator("details.filter-panel > summary")).ToBeHiddenAsync();
    }, new BrowserNewContextOptions(Desktop) { JavaScriptEnabled = false });

    [Fact]
    public Task MapSkipLink_TakesAKeyboardUserPastTheCountriesToTheOpenTable() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        var skip = page.Locator("#overview-map a.skip-graphic");
        await skip.FocusAsync();
        await Expect(skip).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Enter");

        var table = page.Locator("#overview-map-table");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("tbody tr").First.Locator("th")).ToHaveTextAsync("Vietnam");
    });
}
