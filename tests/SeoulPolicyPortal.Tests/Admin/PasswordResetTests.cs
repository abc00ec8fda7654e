using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Tests.Consultations;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>
/// "Forgot your password?": the same answer for every address, an email through the outbox to an account's address,
/// and a link that sets a new password once, expires, and cannot be forged.
/// </summary>
public sealed partial class PasswordResetTests
{
    private const string EditorEmail = "reset.editor@example.org";
    private const string EditorPassword = "Reset-Editor-55!xy";
    private const string NewPassword = "Chosen-After-Reset-9!";

    /// <summary>The system clock, moved forward by the test: the link's age is judged by the portal's TimeProvider.</summary>
    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    private sealed class Setup : IAsyncDisposable
    {
        public required TestSmtpServer Smtp { get; init; }
        public required ConsultationPortal Portal { get; init; }
        public required WebApplicationFactory<Program> App { get; init; }
        public required MovableClock Clock { get; init; }

        public HttpClient Client() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        }

        public async ValueTask DisposeAsync()
        {
            App.Dispose();
            Portal.Dispose();
            await Smtp.DisposeAsync();
        }
    }

    private static async Task<Setup> StartAsync(bool withMail = true, IDictionary<string, string>? settings = null)
    {
        var smtp = new TestSmtpServer();
        var portal = new ConsultationPortal(withMail ? smtp : null);
        portal.Settings["Portal:PublicUrl"] = "http://localhost";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            portal.Settings[key] = value;
        }

        var clock = new MovableClock();
        var app = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        if (withMail)
        {
            await smtp.StartAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (_, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, EditorEmail, EditorPassword, AdminRoles.Editor, "test");
            Assert.Empty(errors);
        }

        return new Setup { Smtp = smtp, Portal = portal, App = app, Clock = clock };
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string email)
    {
        var page = await client.GetDocumentAsync("/admin/forgot-password");
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action='/admin/forgot-password']")!,
            new Dictionary<string, string> { ["Input.Email"] = email });
    }

    /// <summary>The path of the link in the one email sent to the editor.</summary>
    private static async Task<string> LinkAsync(TestSmtpServer smtp)
    {
        var mail = (await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == EditorEmail))).Single();
        var match = ResetLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, mail.TextBody);
        return match.Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string password)
    {
        var page = await client.GetDocumentAsync(link);
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/admin/reset-password']");
        Assert.True(form is not null, page.QuerySelector("main")!.TextContent);
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["NewPassword"] = password, ["ConfirmPassword"] = password });
    }

    private static async Task<HttpStatusCode> SignInStatusAsync(HttpClient client, string password)
    {
        using var response = await client.SignInAsync(EditorEmail, password);
        return response.StatusCode;
    }

    [Fact]
    public async Task UnknownAddress_GetsTheSameAnswerAsAKnownOne_AndNothingIsSent()
    {
        await using var setup = await StartAsync();
        const string stranger = "nobody.here@example.org";

        using var unknown = await AskAsync(setup.Client(), stranger);
        using var known = await AskAsync(setup.Client(), EditorEmail);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var unknownText = (await unknown.DocumentAsync()).QuerySelector("main")!.TextContent.Replace(stranger, "ADDRESS");
        var knownText = (await known.DocumentAsync()).QuerySelector("main")!.TextContent.Replace(EditorEmail, "ADDRESS");
        Assert.Equal(knownText, unknownText);
        Assert.Contains("If an account exists for ADDRESS", knownText);
        await LinkAsync(setup.Smtp);
        await Task.Delay(500);
        Assert.DoesNotContain(setup.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == stranger));
        Assert.Equal([EditorEmail], await setup.WithDbAsync(db => db.OutboxMessages.Select(m => m.ToAddress).ToListAsync()));
    }

    [Fact]
    public async Task TheEmailedLink_SetsANewPassword_EndsEverySession_AndWorksOnce()
    {
        await using var setup = await StartAsync();
        var signedIn = setup.Client();
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(signedIn, EditorPassword));
        using (var asked = await AskAsync(setup.Client(), EditorEmail))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var link = await LinkAsync(setup.Smtp);
        var visitor = setup.Client();
        using var reset = await ResetAsync(visitor, link, NewPassword);

        var signInPage = await visitor.FollowAsync(reset);
        Assert.Contains("Your password is changed", signInPage.QuerySelector(".status-message")!.TextContent);
        using (var oldSession = await signedIn.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, oldSession.StatusCode);
            Assert.StartsWith("/admin/sign-in", oldSession.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(setup.Client(), EditorPassword));
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(setup.Client(), NewPassword));

        // Used once: the same link is refused, on the page and when its form is posted again.
        using var again = await setup.Client().GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already been used", (await again.DocumentAsync()).QuerySelector(".reset-link-problem")!.TextContent);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var replayPage = await setup.Client().GetDocumentAsync("/admin/forgot-password");
        var antiforgery = AdminHttp.FormFields(replayPage.QuerySelector<IHtmlFormElement>("form")!).Single(f => f.Key == "__RequestVerificationToken");
        using var replay = await setup.Client().PostAsync("/admin/reset-password", new FormUrlEncodedContent(
            [new("Token", token), new("NewPassword", "Attacker-Choice-1!"), new("ConfirmPassword", "Attacker-Choice-1!"), antiforgery]));
        Assert.True((int)replay.StatusCode is 400 or 410, $"{(int)replay.StatusCode}");
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(setup.Client(), NewPassword));

        var kinds = await setup.WithDbAsync(db => db.AuditEvents.Where(e => e.Email == EditorEmail).Select(e => e.Kind).ToListAsync());
        Assert.Contains(AuditKinds.PasswordResetRequested, kinds);
        Assert.Contains(AuditKinds.PasswordResetByLink, kinds);
        // The link is not kept in the outbox once the email is out.
        await Wait.UntilAsync(() => setup.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent)), "the email is marked sent");
        Assert.DoesNotContain(await setup.WithDbAsync(db => db.OutboxMessages.Select(m => m.Body).ToListAsync()), b => b.Contains("token="));
    }

    [Fact]
    public async Task TheLink_WorksWithinItsLifetime_AndIsRefusedAfterIt()
    {
        await using var setup = await StartAsync(settings: new Dictionary<string, string> { ["Admin:PasswordReset:LinkLifetime"] = "01:00:00" });
        using (var asked = await AskAsync(setup.Client(), EditorEmail))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var link = await LinkAsync(setup.Smtp);

        setup.Clock.Offset = TimeSpan.FromMinutes(59);
        using (var inTime = await setup.Client().GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
            Assert.NotNull((await inTime.DocumentAsync()).QuerySelector("form[action='/admin/reset-password']"));
        }

        setup.Clock.Offset = TimeSpan.FromMinutes(61);
        using var late = await setup.Client().GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        var page = await late.DocumentAsync();
        Assert.Null(page.QuerySelector("form[action='/admin/reset-password']"));
        Assert.Contains("The link has expired", page.QuerySelector(".reset-link-problem")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(setup.Client(), EditorPassword));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("cut")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public async Task ATamperedOrForgedLink_IsRefusedWithAClearMessage(string how)
    {
        await using var setup = await StartAsync();
        using (var asked = await AskAsync(setup.Client(), EditorEmail))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var link = await LinkAsync(setup.Smtp);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var middle = token.Length / 2;
        var tampered = how switch
        {
            "flip" => token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..],
            "cut" => token[..(token.Length - 10)],
            "garbage" => Uri.EscapeDataString("not a token <script>alert(1)</script>"),
            _ => "",
        };

        using var response = await setup.Client().GetAsync("/admin/reset-password?token=" + tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("The link is not valid", page.QuerySelector(".reset-link-problem")!.TextContent);
        Assert.Null(page.QuerySelector("form[action='/admin/reset-password']"));
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(setup.Client(), EditorPassword));
    }

    [Fact]
    public async Task WithoutMail_ThePageSaysAnAdministratorResets_AndNothingIsQueued()
    {
        await using var setup = await StartAsync(withMail: false);

        var page = await setup.Client().GetDocumentAsync("/admin/forgot-password");

        Assert.Contains("passwords are reset by an administrator", page.QuerySelector(".reset-by-admin")!.TextContent);
        Assert.Null(page.QuerySelector("form[action='/admin/forgot-password']"));
        // A form posted anyway (with the token of another page's form) changes nothing and sends nothing.
        var client = setup.Client();
        var signIn = await client.GetDocumentAsync("/admin/sign-in");
        var antiforgery = AdminHttp.FormFields(signIn.QuerySelector<IHtmlFormElement>("form")!).Single(f => f.Key == "__RequestVerificationToken");
        using var posted = await client.PostAsync("/admin/forgot-password", new FormUrlEncodedContent([new("Input.Email", EditorEmail), antiforgery]));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("passwords are reset by an administrator", (await posted.DocumentAsync()).QuerySelector(".reset-by-admin")!.TextContent);
        Assert.Empty(await setup.WithDbAsync(db => db.OutboxMessages.ToListAsync()));
    }

    [Fact]
    public async Task ResetRequests_AreThrottledPerAddress_WhateverTheClient()
    {
        await using var setup = await StartAsync(settings: new Dictionary<string, string> { ["Admin:PasswordReset:RequestsPerAddress"] = "2" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await AskAsync(setup.Client(), "someone.else@example.org");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var other = await AskAsync(setup.Client(), EditorEmail);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [GeneratedRegex(@"http://localhost(/admin/reset-password\?token=\S+)")]
    private static partial Regex ResetLink();
}
