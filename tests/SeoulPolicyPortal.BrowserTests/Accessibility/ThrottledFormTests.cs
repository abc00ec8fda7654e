using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Accessibility;

/// <summary>A portal that allows one request form per hour, to see the 429 page a flood gets.</summary>
public sealed class ThrottledPortal : BrowserPortal
{
    public ThrottledPortal() => App.Settings["Consultations:SubmissionsPerHour"] = "1";
}

public sealed class ThrottledFormTests(ThrottledPortal portal) : BrowserTest(portal), IClassFixture<ThrottledPortal>
{
    [Fact]
    public Task TheSecondSubmission_GetsA429PageThatKeepsTheText_AndHasNoWcagAOrAAViolations() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/consultations/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();

        await page.GetByLabel("Your message").FillAsync("Typed before the limit was reached.");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(429, response.Status);
        Assert.True(int.Parse((await response.AllHeadersAsync())["retry-after"]) > 0);
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Too many requests from your connection");
        await Expect(page.GetByLabel("Your message")).ToHaveValueAsync("Typed before the limit was reached.");
        var result = await page.RunAxe(WcagAandAA);
        Assert.True(result.Violations.Length == 0, Describe("the 429 page", result));
    });
}
