using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SeoulPolicyPortal.BrowserTests.Accessibility.Axe;

namespace SeoulPolicyPortal.BrowserTests.Journeys;

/// <summary>An Admin importing a small spreadsheet: a dry run with a problem, the corrected file, the import, its undo.</summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class ImportJourneyTests(AdminBrowserPortal portal) : AdminBrowserTest(portal)
{
    public static readonly TheoryData<string> Devices = ["desktop-no-javascript", "phone"];

    private static FilePayload Csv(string name, params string[] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes("Id,Title,Area,Sub-area,Start year,End year,Partners,Country codes,URL\r\n" + string.Join("\r\n", rows) + "\r\n"),
    };

    // axe runs in the page, so only where JavaScript is on; the run without it checks that the whole flow needs none.
    private static async Task AssertAccessibleAsync(IPage page, string what, bool javaScript)
    {
        await AssertFitsTheScreenAsync(page);
        if (!javaScript)
        {
            return;
        }

        var result = await page.RunAxe(WcagAandAA);
        Assert.True(result.Violations.Length == 0, Describe(what, result));
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task Admin_ChecksAFile_SeesTheProblems_ImportsTheCorrectedOne_AndUndoesIt(string device) => await InBrowserAsync(async page =>
    {
        var title = $"Ciclovía shared bicycles for Medellín ({device})";
        var javaScript = device != "desktop-no-javascript";
        var good = $",{title},Transportation,Transit Smart Card System,2023,2024,Medellín,CO,";

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import projects");
        await AssertAccessibleAsync(page, "import page", javaScript);

        await page.GetByLabel("Spreadsheet (.csv or .xlsx)").SetInputFilesAsync(
            Csv("bicycles.csv", good, ",Ciclovía bicycle lanes,Space travel,Transit Smart Card System,2024,2023,,XX,"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file (dry run)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dry run: bicycles.csv");
        var problems = page.Locator("table.import-problems tbody tr");
        await Expect(problems.Filter(new() { HasText = "Unknown area “Space travel”" })).ToContainTextAsync("3");
        await Expect(problems.Filter(new() { HasText = "Unknown country code “XX”" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import and publish 1 projects" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "dry run with problems", javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "Check another file" }).ClickAsync();
        await page.GetByLabel("Spreadsheet (.csv or .xlsx)").SetInputFilesAsync(Csv("bicycles.csv", good));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file (dry run)" }).ClickAsync();
        await Expect(page.Locator("table.import-preview")).ToContainTextAsync(title);
        await AssertAccessibleAsync(page, "clean dry run", javaScript);

        await page.GetByRole(AriaRole.Button, new() { Name = "Import and publish 1 projects" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported and published");
        await Expect(page.Locator(".import-batches")).ToContainTextAsync("Imported 1 projects from bicycles.csv");
        await AssertAccessibleAsync(page, "import page with a batch", javaScript);

        await page.GotoAsync($"/projects?q={Uri.EscapeDataString("Ciclovía")}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(1);

        await page.GotoAsync("/admin/import");
        await page.Locator(".import-batches li").Filter(new() { HasText = "bicycles.csv" }).Filter(new() { HasNotText = "Undone" })
            .GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The import was undone");
        await page.GotoAsync($"/projects?q={Uri.EscapeDataString("Ciclovía")}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
    }, device == "phone" ? await SignedInAsync(Account.Admin, Phone) : new BrowserNewContextOptions(await SignedInAsync(Account.Admin)) { JavaScriptEnabled = false }, device);
}
