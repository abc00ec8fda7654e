using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SeoulPolicyPortal.BrowserTests.Journeys;

/// <summary>A Seoul staff member working in Korean: switches language, searches in Korean, filters, and stays in Korean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KoreanJourneyTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task Reader_SwitchesToKorean_SearchesInKorean_AndEveryLinkStaysKorean(string device) => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/projects?area=e-government");
        await page.GetByRole(AriaRole.Link, new() { Name = "한국어" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/ko/projects?area=e-government"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("해외 사업");
        await AssertFitsTheScreenAsync(page);

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "검색", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/ko/search"));
        await page.GetByLabel("검색어").FillAsync("테헤란");
        await page.GetByRole(AriaRole.Button, new() { Name = "검색" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("결과 1건");
        await Expect(page.Locator(".search-results mark")).ToHaveTextAsync(["테헤란"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "테헤란" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ko/cities\\?"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        await Expect(page.Locator("section.region h2")).ToHaveTextAsync(["아프리카·중동"]);
        await AssertFitsTheScreenAsync(page);
    }, device == "phone" ? Phone : Desktop, device);
}
