using Deque.AxeCore.Playwright;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Accessibility;

[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    [MemberData(nameof(PublicPages.Translated), MemberType = typeof(PublicPages))]
    public Task PublicPage_HasNoWcagAOrAAViolations(string path) => InBrowserAsync(async page =>
    {
        await page.GotoAsync(path);

        var result = await page.RunAxe(WcagAandAA);

        Assert.True(result.Violations.Length == 0, Describe(path, result));
        Assert.NotEmpty(result.Passes);
    }, variant: path);

    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    [MemberData(nameof(PublicPages.Translated), MemberType = typeof(PublicPages))]
    public Task PublicPage_OnAPhone_HasNoWcagAOrAAViolations(string path) => InBrowserAsync(async page =>
    {
        await page.GotoAsync(path);

        var result = await page.RunAxe(WcagAandAA);

        Assert.True(result.Violations.Length == 0, Describe(path, result));
    }, Phone, variant: path);
}
