using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SeoulPolicyPortal.BrowserTests;

/// <summary>
/// Runs a test body in a fresh browser context (empty cache, no cookies) and, when the body fails, keeps a full-page
/// screenshot under artifacts/browser-failures/ at the repository root before the failure is rethrown.
/// </summary>
public abstract partial class BrowserTest(BrowserPortal portal)
{
    public static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1280, Height = 900 } };

    public static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 3,
        IsMobile = true,
        HasTouch = true,
    };

    protected BrowserPortal Portal { get; } = portal;

    public static string FailureFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "browser-failures");

    protected string Url(string path) => new Uri(Portal.BaseAddress, path).ToString();

    protected async Task InBrowserAsync(Func<IPage, Task> body, BrowserNewContextOptions? options = null, string? variant = null,
        [CallerMemberName] string test = "")
    {
        var contextOptions = new BrowserNewContextOptions(options ?? Desktop)
        {
            BaseURL = Portal.BaseAddress.ToString(),
            IgnoreHTTPSErrors = Portal.HasSelfSignedCertificate,
        };
        await using var context = await Portal.Browser.NewContextAsync(contextOptions);
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        try
        {
            await body(page);
        }
        catch (Exception)
        {
            await SaveScreenshotAsync(page, variant is null ? $"{GetType().Name}.{test}" : $"{GetType().Name}.{test}-{variant}");
            throw;
        }
    }

    /// <summary>The element has keyboard focus and shows it: an outline a sighted keyboard user can see (WCAG 2.4.7).</summary>
    protected static async Task AssertFocusedAndVisibleAsync(IPage page, string selector)
    {
        await Assertions.Expect(page.Locator(selector).First).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page, selector);
    }

    protected static async Task AssertFocusVisibleAsync(IPage page, string what)
    {
        var outline = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }");
        Assert.True(outline[0] != "none" && outline[1] != "0px", $"{what} has focus but no visible outline ({string.Join(", ", outline)})");
    }

    // Nothing may be wider than the screen: a phone reader should never scroll sideways to read a page.
    protected static async Task AssertFitsTheScreenAsync(IPage page)
    {
        // Measured before the stylesheet has arrived, any table is wider than a phone: wait for the whole page.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]}px wide on a {widths[1]}px screen");
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(FailureFolder);
        var path = Path.Combine(FailureFolder, UnsafeFileCharacters().Replace(name, "_") + ".png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Console.Error.WriteLine($"Screenshot of the failed page: {path}");
        }
        catch (Exception screenshotFailure) when (screenshotFailure is PlaywrightException or TimeoutException)
        {
            // The test's own failure is the one that matters; say why there is no picture and let it through.
            Console.Error.WriteLine($"No screenshot for {name}: {screenshotFailure.Message}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SeoulPolicyPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SeoulPolicyPortal.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeFileCharacters();
}
