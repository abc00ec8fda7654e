using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Accounts;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>Failed sign-ins slow the guesser down, in the database, without ever locking an editor out.</summary>
public sealed class SignInThrottleTests
{
    private const string EditorEmail = "throttled.editor@example.org";
    private const string EditorPassword = "Throttled-Editor-31!";
    private const string Throttled = "Too many failed attempts to sign in.";

    private static async Task<AdminPortalFactory> StartAsync()
    {
        var portal = new AdminPortalFactory();
        // A minute's first wait, so that no test depends on how fast this machine answers.
        portal.Settings["Admin:SignInThrottle:FirstBlock"] = "00:01:00";
        portal.CreatePortalClient();
        await using var scope = portal.Services.CreateAsyncScope();
        var (_, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, EditorEmail, EditorPassword, AdminRoles.Editor, "test");
        Assert.Empty(errors);
        return portal;
    }

    private static async Task<List<HttpStatusCode>> FailAsync(HttpClient client, string email, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var response = await client.SignInAsync(email, $"Wrong-password-{i}!");
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    [Theory]
    [InlineData(EditorEmail)]
    [InlineData("no.such.account@example.org")]
    public async Task FailedSignIns_OnOneAccount_WaitWithRetryAfter_KnownOrNot_AndNeverLockIt(string email)
    {
        using var portal = await StartAsync();
        var client = portal.CreatePortalClient();

        // Five free failures, the sixth counted and starting a wait; from then on nothing is checked until it ends.
        var statuses = await FailAsync(client, email, 6);
        using var next = await client.SignInAsync(email, email == EditorEmail ? EditorPassword : "Any-password-1!");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 6), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.InRange(next.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        var page = await next.DocumentAsync();
        Assert.Contains(Throttled, page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(email, page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Null(await portal.WithDbAsync(db => db.Users.Where(u => u.Email == EditorEmail).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Contains(SignInKeys.ForAccount(email), await portal.WithDbAsync(db => db.Throttles.Select(t => t.Key).ToListAsync()));
    }

    [Fact]
    public async Task ABrowserThatSignedInBefore_IsNotSlowedByGuessesFromElsewhere()
    {
        using var portal = await StartAsync();
        var editorCookies = new CookieContainer();
        var editor = portal.CreateDefaultClient(new CookieContainerHandler(editorCookies));
        using (var first = await editor.SignInAsync(EditorEmail, EditorPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        Assert.Contains(editorCookies.GetAllCookies(), c => c.Name == SignInService.DeviceCookie && c.HttpOnly && c.Path == "/admin");
        var dashboard = await editor.GetDocumentAsync("/admin");
        using (await editor.SubmitAsync(dashboard.QuerySelector<IHtmlFormElement>("form[action='/admin/sign-out']")!))
        {
        }

        var attacker = portal.CreatePortalClient();
        await FailAsync(attacker, EditorEmail, 12);
        using var attackerAgain = await attacker.SignInAsync(EditorEmail, EditorPassword);
        using var editorAgain = await editor.SignInAsync(EditorEmail, EditorPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, attackerAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, editorAgain.StatusCode);
    }

    [Fact]
    public async Task AnAdmin_SeesTheThrottles_AndLiftsOne()
    {
        using var portal = await StartAsync();
        var admin = await portal.SignedInClientAsync();
        var stranger = portal.CreatePortalClient();
        await FailAsync(stranger, EditorEmail, 6);

        var page = await admin.GetDocumentAsync("/admin/throttles");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(EditorEmail));
        Assert.Contains("Account", row.QuerySelector("th")!.TextContent);
        Assert.Contains("Waiting until", row.TextContent);
        Assert.Equal("6", row.QuerySelectorAll("td")[0].TextContent);

        using var lifted = await admin.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!);
        var after = await admin.FollowAsync(lifted);

        Assert.Contains("The throttle was lifted.", after.QuerySelector(".status-message")!.TextContent);
        Assert.DoesNotContain(after.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(EditorEmail));
        using var signIn = await portal.CreatePortalClient().SignInAsync(EditorEmail, EditorPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(await portal.WithDbAsync(db => db.AuditEvents.Select(e => e.Kind).ToListAsync()), k => k == AuditKinds.ThrottleLifted);
    }

    [Fact]
    public async Task AnEditor_CannotSeeOrLiftThrottles()
    {
        using var portal = await StartAsync();
        var editor = await portal.SignedInClientAsync(EditorEmail, EditorPassword);

        using var page = await editor.GetAsync("/admin/throttles");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/access-denied", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_CountTheSameFailures()
    {
        using var database = new TemporaryDatabase();
        using var first = new AdminPortalFactory(database.Path);
        first.Settings["Admin:SignInThrottle:FirstBlock"] = "00:01:00";
        using var second = new AdminPortalFactory(database.Path);
        second.Settings["Admin:SignInThrottle:FirstBlock"] = "00:01:00";

        await FailAsync(first.CreatePortalClient(), "shared.target@example.org", 3);
        await FailAsync(second.CreatePortalClient(), "shared.target@example.org", 3);
        using var next = await first.CreatePortalClient().SignInAsync("shared.target@example.org", "Any-password-1!");

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }
}
