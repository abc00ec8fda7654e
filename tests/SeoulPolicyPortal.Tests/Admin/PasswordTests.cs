using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>An editor changes their own password, and resets a forgotten one with a link sent by email.</summary>
public sealed class PasswordTests
{
    private const string EditorEmail = "password.editor@example.org";
    private const string EditorPassword = "Password-Editor-55!";
    private const string NewPassword = "Brand-New-Secret-77?";

    private static async Task AddEditorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var (_, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, EditorEmail, EditorPassword, AdminRoles.Editor, "test");
        Assert.Empty(errors);
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? again = null)
    {
        var page = await client.GetDocumentAsync("/admin/account/password");
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action='/admin/account/password']")!,
            new Dictionary<string, string> { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = again ?? next });
    }

    private static async Task<HttpStatusCode> SignInStatusAsync(HttpClient client, string email, string password)
    {
        using var response = await client.SignInAsync(email, password);
        return response.StatusCode;
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_IsRefused_AndThePasswordStays()
    {
        using var portal = new AdminPortalFactory();
        await AddEditorAsync(portal.Services);
        var client = await portal.SignedInClientAsync(EditorEmail, EditorPassword);

        using var response = await ChangeAsync(client, "Not-My-Password-1!", NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("Your current password is not right.", page.QuerySelector(".error-summary")!.TextContent);
        Assert.All(page.QuerySelectorAll<IHtmlInputElement>("input[type=password]"), i => Assert.Equal("", i.Value));
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(portal.CreatePortalClient(), EditorEmail, EditorPassword));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(portal.CreatePortalClient(), EditorEmail, NewPassword));
        Assert.Contains(AuditKinds.PasswordChangeFailed, await portal.WithDbAsync(db => db.AuditEvents.Select(e => e.Kind).ToListAsync()));
    }

    [Theory]
    [InlineData("short-1A!", "short-1A!", "at least 12 characters")]
    [InlineData(NewPassword, "Brand-New-Secret-78?", "The two new passwords are not the same.")]
    [InlineData(EditorPassword, EditorPassword, "differs from the current one")]
    public async Task ChangePassword_WithANewPasswordThatBreaksARule_IsRefusedWithTheRule(string next, string again, string message)
    {
        using var portal = new AdminPortalFactory();
        await AddEditorAsync(portal.Services);
        var client = await portal.SignedInClientAsync(EditorEmail, EditorPassword);

        using var response = await ChangeAsync(client, EditorPassword, next, again);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(portal.CreatePortalClient(), EditorEmail, EditorPassword));
    }

    [Fact]
    public async Task ChangePassword_SignsInWithTheNewPasswordOnly_EndsTheOtherSessions_AndKeepsThisOne()
    {
        using var portal = new AdminPortalFactory();
        await AddEditorAsync(portal.Services);
        var client = await portal.SignedInClientAsync(EditorEmail, EditorPassword);
        var otherBrowser = await portal.SignedInClientAsync(EditorEmail, EditorPassword);

        using var response = await ChangeAsync(client, EditorPassword, NewPassword);

        var dashboard = await client.FollowAsync(response);
        Assert.Contains("Your password is changed", dashboard.QuerySelector(".status-message")!.TextContent);
        using (var stillHere = await client.GetAsync("/admin/projects"))
        {
            Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        }

        using (var other = await otherBrowser.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
            Assert.StartsWith("/admin/sign-in", other.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(portal.CreatePortalClient(), EditorEmail, EditorPassword));
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(portal.CreatePortalClient(), EditorEmail, NewPassword));
        Assert.Contains(AuditKinds.PasswordChanged, await portal.WithDbAsync(db => db.AuditEvents.Where(e => e.Email == EditorEmail).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task ChangePassword_GuessingTheCurrentPassword_IsThrottled_EvenWhenTheGuessIsRight()
    {
        using var portal = new AdminPortalFactory();
        portal.Settings["Admin:SignInThrottle:AccountFailures"] = "2";
        portal.Settings["Admin:SignInThrottle:FirstBlock"] = "00:05:00";
        await AddEditorAsync(portal.Services);
        var client = await portal.SignedInClientAsync(EditorEmail, EditorPassword);

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await ChangeAsync(client, $"Wrong-Guess-{i}-Abc!", NewPassword);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var right = await ChangeAsync(client, EditorPassword, NewPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
        Assert.Contains("Too many wrong passwords", (await right.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(portal.CreatePortalClient(), EditorEmail, EditorPassword));
        // An Admin sees the wait on the throttles page and can lift it; then the right password works.
        var admin = await portal.SignedInClientAsync();
        var throttles = await admin.GetDocumentAsync("/admin/throttles");
        var row = throttles.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Account, wrong current password"));
        Assert.Contains(EditorEmail, row.TextContent);
        using (var lifted = await admin.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!))
        {
            Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        }

        using var afterLift = await ChangeAsync(client, EditorPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, afterLift.StatusCode);
    }

    [Fact]
    public async Task TheAdminBar_LinksToChangingYourPassword_AndTheSignInPageToAReset()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();

        var dashboard = await client.GetDocumentAsync("/admin");
        var signIn = await portal.CreatePortalClient().GetDocumentAsync("/admin/sign-in");

        Assert.NotNull(dashboard.QuerySelector(".admin-bar a[href='/admin/account/password']"));
        Assert.NotNull(signIn.QuerySelector("a[href='/admin/forgot-password']"));
    }
}
