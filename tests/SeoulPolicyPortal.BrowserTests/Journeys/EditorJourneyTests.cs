using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SeoulPolicyPortal.BrowserTests.Journeys;

/// <summary>An editor correcting a project, from the sign-in form to the public pages, as a person would click through it.</summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class EditorJourneyTests(AdminBrowserPortal portal) : AdminBrowserTest(portal)
{
    public static readonly TheoryData<string> Devices = ["desktop", "desktop-no-javascript", "phone"];

    // Each device edits its own seeded project, so the three runs never see each other's changes.
    private static readonly Dictionary<string, (string Title, string NewTitle, string Country, string CountryName, string Partner)> Edits = new()
    {
        ["desktop"] = ("Establishing a Payment System for Buses", "Contactless bus payments for Kuala Lumpur", "JP", "Japan", "Osaka"),
        ["desktop-no-javascript"] = ("Consultation on Setting Up a Smartcard Ticketing System", "Smartcard ticketing advice for Bangkok", "VN", "Vietnam", "Hanoi"),
        ["phone"] = ("Establishing an e-Ticketing System", "Athens e-ticketing, second phase", "PE", "Peru", "Lima"),
    };

    private static BrowserNewContextOptions Options(string device) => device switch
    {
        "phone" => Phone,
        "desktop-no-javascript" => new BrowserNewContextOptions(Desktop) { JavaScriptEnabled = false },
        _ => Desktop,
    };

    [Theory]
    [MemberData(nameof(Devices))]
    public Task Editor_SignsIn_EditsAProjectWithAPartnerAndPreview_AndThePublicPagesShowIt(string device) => InBrowserAsync(async page =>
    {
        var edit = Edits[device];

        // An anonymous visit to the admin area asks for the sign-in form first.
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/sign-in"));
        await page.GetByLabel("Email address").FillAsync(AdminBrowserPortal.EditorEmail);
        await page.GetByLabel("Password").FillAsync(AdminBrowserPortal.EditorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
        await Expect(page.Locator(".admin-bar")).ToContainTextAsync($"Signed in as {AdminBrowserPortal.EditorEmail}");
        await AssertFitsTheScreenAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();
        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filter projects" });
        await filters.GetByLabel("Search titles, partners and countries").FillAsync(edit.Title);
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show projects" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = edit.Title, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit project");
        await AssertFitsTheScreenAsync(page);

        var title = page.GetByLabel("Title", new() { Exact = true });
        await Expect(title).ToHaveValueAsync(edit.Title);
        await title.FillAsync(edit.NewTitle);

        // "Add a partner" is a submit button: the server re-renders the form with one more row and keeps what was typed.
        var rows = page.Locator(".partner-row");
        var before = await rows.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a partner" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        await Expect(title).ToHaveValueAsync(edit.NewTitle);
        var added = before + 1;
        await page.GetByLabel($"Country of partner {added}").SelectOptionAsync(edit.Country);
        await page.GetByLabel($"City or organisation of partner {added}").FillAsync(edit.Partner);

        var description = page.GetByLabel("Description (Markdown)");
        await description.FillAsync($"Extended with **contactless** payment with {edit.Partner}.\n\n- fares\n- transfers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview (not saved yet)" });
        await Expect(preview.Locator("strong")).ToHaveTextAsync("contactless");
        await Expect(preview.Locator("li")).ToHaveTextAsync(["fares", "transfers"]);
        await Expect(title).ToHaveValueAsync(edit.NewTitle);
        await Expect(page.GetByLabel($"City or organisation of partner {added}")).ToHaveValueAsync(edit.Partner);
        await AssertFitsTheScreenAsync(page);

        await page.Locator(".form-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Expect(title).ToHaveValueAsync(edit.NewTitle);

        await page.GetByRole(AriaRole.Link, new() { Name = "See the public page" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(edit.NewTitle);
        var facts = page.Locator("dl.facts");
        await Expect(facts).ToContainTextAsync(edit.Partner);
        await Expect(facts.GetByRole(AriaRole.Link, new() { Name = edit.CountryName })).ToHaveAttributeAsync("href", $"/countries/{edit.Country}");
        await Expect(page.Locator(".prose strong")).ToHaveTextAsync("contactless");
        await AssertFitsTheScreenAsync(page);

        // The catalogue's search text was recomputed on save: the new title and the new partner both find it.
        await page.GotoAsync("/projects");
        // On a phone the catalogue's filters are folded under their summary.
        var folded = page.Locator("details.filter-panel > summary");
        if (await folded.IsVisibleAsync())
        {
            await folded.ClickAsync();
        }

        var catalogue = page.GetByRole(AriaRole.Search, new() { Name = "Filter projects" });
        await catalogue.GetByLabel("Search titles, partners and countries").FillAsync(edit.Partner);
        await catalogue.GetByRole(AriaRole.Button, new() { Name = "Show projects" }).ClickAsync();
        await Expect(page.Locator(".project-card .project-title a", new() { HasText = edit.NewTitle })).ToHaveCountAsync(1);
        await Expect(page.Locator(".project-card", new() { HasText = edit.Title })).ToHaveCountAsync(0);
        await AssertFitsTheScreenAsync(page);
    }, Options(device), device);

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task Editor_SavesAnEmptyTitle_SeesTheMessageBesideTheField_AndTheSummaryLinkFocusesIt(string device) => await InBrowserAsync(async page =>
    {
        await page.GotoAsync("/admin/projects/9/edit");
        var title = page.GetByLabel("Title", new() { Exact = true });
        var saved = await title.InputValueAsync();
        await title.FillAsync("");
        await page.Locator(".form-actions").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("There is a problem");
        // The message sits in the field's own box, and the field points screen readers at it.
        var message = page.Locator(".field:has(#Input_Title) .field-error");
        await Expect(message).ToHaveTextAsync("Enter the project’s title.");
        await Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        // Its hint (where readers see the title) comes first, then the message.
        await Expect(title).ToHaveAttributeAsync("aria-describedby", "title-hint Input_Title-error");
        await Expect(message).ToHaveIdAsync("Input_Title-error");
        await AssertFitsTheScreenAsync(page);

        // The summary's link is reachable with the keyboard and moves focus into the field (no script needed).
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "Enter the project’s title." });
        await link.FocusAsync();
        await AssertFocusVisibleAsync(page, "the error summary link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(title).ToBeFocusedAsync();

        // Nothing was saved: the public page still has the old title.
        await page.GotoAsync("/projects/9");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(saved);
    }, await SignedInAsync(Account.Editor, Options(device)), device);
}
