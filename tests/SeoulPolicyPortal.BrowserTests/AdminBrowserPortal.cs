using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SeoulPolicyPortal.Tests.Consultations;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Features.Consultations;

namespace SeoulPolicyPortal.BrowserTests;

/// <summary>
/// The portal with an Admin and an Editor, in Production and over HTTPS, and its own Chromium: the admin collection
/// changes content, so it never shares a database with the public pages' tests.
/// </summary>
/// <remarks>
/// The auth cookie is Secure outside Development. Rather than run the admin area in Development (a different cookie
/// policy, error pages and headers from what editors get) or relax the cookie for tests, this app is served the way
/// production serves it, over HTTPS, with a certificate made in memory for this run for 127.0.0.1. Only the browser
/// contexts of this collection are told to accept it (IgnoreHTTPSErrors); nothing is written to the machine's
/// certificate store and no developer certificate is needed, so CI runs it as it is.
/// </remarks>
public sealed class AdminBrowserPortal : BrowserPortal
{
    public const string AdminEmail = "first.admin@example.org";
    public const string AdminPassword = "Correct-Horse-42!";
    public const string EditorEmail = "editor@example.org";
    public const string EditorPassword = "Editor-Battery-77!";

    private readonly ConcurrentDictionary<string, Task<string>> _signedIn = new();
    private X509Certificate2? _certificate;

    public AdminBrowserPortal()
    {
        // The first Admin is created at start-up from configuration, exactly as an operator does it.
        App.Settings["Admin:Email"] = AdminEmail;
        App.Settings["Admin:Password"] = AdminPassword;
        // Tests sign in far more often than a person; the rate limit itself is tested in SignInTests.
        App.Settings["Admin:SignInAttemptsPerMinute"] = "1000";
        App.Settings["Consultations:SubmissionsPerHour"] = "1000";
        foreach (var (key, value) in Smtp.PortalSettings)
        {
            App.Settings[key] = value;
        }
        // A throttle started by a test still waits when the throttles page is looked at, however slow the machine.
        App.Settings["Admin:SignInThrottle:FirstBlock"] = "00:01:00";
    }

    /// <summary>The mail server the portal sends to; tests read what arrived.</summary>
    public TestSmtpServer Smtp { get; } = new();

    public override bool HasSelfSignedCertificate => true;

    protected override Uri StartApp()
    {
        _certificate = CreateLoopbackCertificate();
        App.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        App.StartServer();
        var address = App.ClientOptions.BaseAddress;
        Assert.Equal(Uri.UriSchemeHttps, address.Scheme);
        return address;
    }

    public override async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();

        // Later accounts go through the app's own code path (the one the `admin set-user` verb uses).
        await using var scope = App.Services.CreateAsyncScope();
        var (ok, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, EditorEmail, EditorPassword, AdminRoles.Editor, "browser tests");
        Assert.True(ok, string.Join(" ", errors));

        // One request, sent through the app's own intake, so that the inbox and a request page have something to show.
        var intake = scope.ServiceProvider.GetRequiredService<ConsultationIntake>();
        SeededRequest = await intake.SubmitAsync(new ConsultationInput
        {
            Name = "Ana Lima",
            Organisation = "Prefeitura de Curitiba",
            City = "Curitiba",
            Country = "BR",
            Email = "ana@example.org",
            Language = "pt",
            Topic = "Bus rapid transit",
            Message = "How did Seoul reorganise its bus routes?",
            Consent = true,
        }, null, CancellationToken.None);
    }

    /// <summary>The reference of the request made at start-up; its id is 1.</summary>
    public string SeededRequest { get; private set; } = "";

    /// <summary>
    /// The cookies of a session signed in through the real sign-in form, once per account and run, for tests whose
    /// subject is a page rather than signing in (pass it as BrowserNewContextOptions.StorageState).
    /// </summary>
    public async Task<string> SignedInStateAsync(string email, string password)
    {
        var signingIn = _signedIn.GetOrAdd(email, _ => SignInAsync(email, password));
        try
        {
            return await signingIn;
        }
        catch
        {
            // A sign-in that timed out on a busy machine is not kept: the next test signs in afresh.
            _signedIn.TryRemove(new KeyValuePair<string, Task<string>>(email, signingIn));
            throw;
        }
    }

    private async Task<string> SignInAsync(string email, string password)
    {
        await using var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(BaseAddress, "/admin").ToString());
        return await context.StorageStateAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        _certificate?.Dispose();
    }

    private static X509Certificate2 CreateLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // A round trip through PKCS#12 gives a certificate whose private key every platform's TLS stack can use.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}

[CollectionDefinition(Name)]
public sealed class AdminBrowserCollection : ICollectionFixture<AdminBrowserPortal>
{
    public const string Name = "admin-browser";
}
