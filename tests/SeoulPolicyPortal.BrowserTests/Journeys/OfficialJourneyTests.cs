using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SeoulPolicyPortal.BrowserTests.Journeys;

/// <summary>A foreign official finding out what Seoul has done, by clicking and choosing as a person would.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficialJourneyTests(BrowserPortal portal) : BrowserTest(portal)
{
    public static readonly TheoryData<string> Devices = ["desktop", "desktop-no-javascript", "phone"];

    private static BrowserNewContextOptions Options(string device) => device switch
    {
        "phone" => Phone,
        "desktop-no-javascript" => new BrowserNewContextOptions(Desktop) { JavaScriptEnabled = false },
        _ => Desktop,
    };

    [Theory]
    [MemberData(nameof(Devices))]
    public Task Official_ReadsOverview_ThenNarrowsTheCityDirectoryToOneRegionAndType(string device) => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Seoul Policy Sharing Initiative");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "At a glance" })).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Find partner cities" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/cities"));

        await OpenFiltersOnAPhoneAsync(page, device);
        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filter partner cities" });
        await filters.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Europe" });
        await filters.GetByLabel("Relationship").SelectOptionAsync(new SelectOptionValue { Label = "Sister cities" });
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show cities" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/cities?q=&region=europe&type=sister&country="));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("6 cities match.");
        var regions = page.Locator("section.region h2");
        await Expect(regions).ToHaveTextAsync(["Europe"]);
        var relationships = page.Locator("section.region tbody td:nth-child(3)");
        await Expect(relationships).ToHaveCountAsync(6);
        Assert.All(await relationships.AllInnerTextsAsync(), text => Assert.Equal("Sister city", text.Trim()));
        await OpenFiltersOnAPhoneAsync(page, device);
        await Expect(filters.GetByLabel("Region")).ToHaveValueAsync("europe");
        await AssertFitsTheScreenAsync(page);
    }, Options(device), device);

    [Theory]
    [MemberData(nameof(Devices))]
    public Task Official_FiltersTheCatalogueByAreaThenCountry_OpensAProject_AndFollowsItsCountry(string device) => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Overseas projects");

        await OpenFiltersOnAPhoneAsync(page, device);
        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filter projects" });
        await filters.GetByLabel("Area", new() { Exact = true }).SelectOptionAsync("transportation");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show projects" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]area=transportation(&|$)"));
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Active filters" })).ToContainTextAsync("Area: Transportation");

        // The country list now counts transportation projects only.
        await OpenFiltersOnAPhoneAsync(page, device);
        var country = filters.GetByLabel("Country", new() { Exact = true });
        await country.SelectOptionAsync("PH");
        await Expect(country.Locator("option:checked")).ToHaveTextAsync("Philippines (4)");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show projects" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]area=transportation&.*country=PH(&|$)"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Showing all 4 projects");
        var cards = page.Locator(".project-card");
        await Expect(cards).ToHaveCountAsync(4);
        foreach (var card in await cards.AllAsync())
        {
            await Expect(card.Locator(".project-meta a").First).ToHaveTextAsync("Transportation");
            await Expect(card.Locator(".partners a[href='/countries/PH']")).ToHaveCountAsync(1);
        }

        await AssertFitsTheScreenAsync(page);

        var firstTitle = cards.First.Locator(".project-title a");
        var title = (await firstTitle.InnerTextAsync()).Trim();
        await firstTitle.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/projects/\d+/[a-z0-9-]+$"));
        await AssertFitsTheScreenAsync(page);

        await page.Locator("dl.facts").GetByRole(AriaRole.Link, new() { Name = "Philippines" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/countries/PH"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Philippines");
        await Expect(page.Locator("main")).ToContainTextAsync(title);
        await AssertFitsTheScreenAsync(page);
    }, Options(device), device);

    // On a phone the filters are folded under their summary so that results come first; a tap opens them.
    private static async Task OpenFiltersOnAPhoneAsync(IPage page, string device)
    {
        var form = page.GetByRole(AriaRole.Search);
        if (device == "phone")
        {
            await Expect(form).ToBeHiddenAsync();
            await page.Locator("details.filter-panel > summary").ClickAsync();
        }

        await Expect(form).ToBeVisibleAsync();
    }
}
