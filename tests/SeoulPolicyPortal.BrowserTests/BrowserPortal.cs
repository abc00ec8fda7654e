using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace SeoulPolicyPortal.BrowserTests;

/// <summary>The real portal on a fresh SQLite file, served by Kestrel on a loopback port that a browser can reach.</summary>
public sealed class KestrelPortal : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"portal-browser-{Guid.NewGuid():N}.db");

    /// <summary>Extra configuration, applied when the server starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so the browser sees what a visitor sees: the error pages, the headers, the compression.
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>One app and one headless Chromium, shared by every test of the browser collection.</summary>
public class BrowserPortal : IAsyncLifetime
{
    // Debian's chromium package; no browser is ever downloaded. Overridable for other machines.
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>True when the app is served over HTTPS with a certificate the browser cannot know (see AdminBrowserPortal).</summary>
    public virtual bool HasSelfSignedCertificate => false;

    protected KestrelPortal App { get; } = new();

    /// <summary>Starts the app on a free loopback port and returns its address.</summary>
    protected virtual Uri StartApp()
    {
        App.UseKestrel(0);
        App.StartServer();
        return App.ClientOptions.BaseAddress;
    }

    public virtual async Task InitializeAsync()
    {
        BaseAddress = StartApp();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the background-networking flags Chromium keeps trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
