using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Accessibility;

/// <summary>The country and region pages (issue 13) on a desktop and a phone, with and without errors.</summary>
public sealed partial class AdminAxeTests
{
    // Vietnam: its id is the place of VN among AA…ZZ (Country.IdOf).
    private const string VietnamEdit = "/admin/countries/560/edit";

    public static readonly TheoryData<string> GeographyPages = new()
    {
        { "/admin/countries" },
        { "/admin/countries?region=none&page=2" },
        { VietnamEdit },
        { "/admin/regions" },
        { "/admin/regions/1/edit" },
        { "/admin/cities/1/edit" },
    };

    [Theory]
    [MemberData(nameof(GeographyPages))]
    public async Task GeographyPage_OnAPhone_FitsTheScreen_AndHasNoViolations(string path) => await InBrowserAsync(async page =>
    {
        await page.GotoAsync(path);
        Assert.Equal(path, new Uri(page.Url).PathAndQuery);

        await AssertFitsTheScreenAsync(page);
        await AssertNoViolationsAsync(page, path + " on a phone");
    }, await SignedInAsync(Account.Editor, Phone), path);

    [Fact]
    public async Task CountryAndRegionEdit_WithErrors_SayWhereEachFieldShows_AndHaveNoViolations() => await InBrowserAsync(async page =>
    {
        await page.GotoAsync(VietnamEdit);
        var aliases = page.GetByLabel("Other spellings (one per line)");
        await Expect(aliases).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Only used by search"));
        await page.GetByLabel("English name").FillAsync("");
        await aliases.FillAsync("Viet|Nam");
        await page.Locator(".form-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter the country’s English name.");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Write one spelling per line");
        await AssertNoViolationsAsync(page, "country edit with errors");

        await page.GotoAsync("/admin/regions/1/edit");
        var declared = page.GetByLabel("Partner city count stated in the source document");
        await Expect(declared).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("24 partner cities, 12 listed here"));
        await declared.FillAsync("many");
        await page.Locator(".form-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "region edit with errors");
    }, await SignedInAsync(Account.Editor));
}
