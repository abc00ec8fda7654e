using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>
/// Sign-out, a password reset, a role change and a lock end every session of the account at once: what a thief would
/// have copied from the browser before (its cookies and the token of a form it had open) is replayed afterwards, for a
/// page and for a POST that would archive a project.
/// </summary>
public sealed class SessionTests
{
    private const string EditorEmail = "session.editor@example.org";
    private const string EditorPassword = "Session-Editor-55!";

    private sealed record Copy(CookieCollection Cookies, IHtmlFormElement ArchiveForm);

    private static async Task<(AdminPortalFactory Portal, int ProjectId)> StartAsync()
    {
        var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var (_, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, EditorEmail, EditorPassword, AdminRoles.Editor, "test");
            Assert.Empty(errors);
        }

        return (portal, await portal.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p001").Select(p => p.Id).SingleAsync()));
    }

    private static async Task<(HttpClient Client, CookieContainer Cookies)> BrowserAsync(AdminPortalFactory portal, string email, string password)
    {
        var cookies = new CookieContainer();
        var client = portal.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies);
    }

    private static async Task<Copy> CopyAsync(HttpClient client, CookieContainer cookies, int projectId)
    {
        var edit = await client.GetDocumentAsync($"/admin/projects/{projectId}/edit");
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == "portal.auth");
        return new Copy(cookies.GetAllCookies(), edit.QuerySelector<IHtmlFormElement>($"form[action='/admin/projects/{projectId}/archive']")!);
    }

    private static async Task AssertRefusedAsync(AdminPortalFactory portal, Copy copy, int projectId)
    {
        var jar = new CookieContainer();
        jar.Add(copy.Cookies);
        var replay = portal.CreateDefaultClient(new CookieContainerHandler(jar));

        using var page = await replay.GetAsync("/admin");
        using var archive = await replay.SubmitAsync(copy.ArchiveForm);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/sign-in", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.StartsWith("/admin/sign-in", archive.Headers.Location!.OriginalString);
        Assert.False(await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.IsArchived).SingleAsync()));
    }

    /// <summary>Submits one of the forms on the editor's row of /admin/users, as the Admin.</summary>
    private static async Task SubmitOnTheEditorsRowAsync(HttpClient admin, string action, IDictionary<string, string>? fields = null)
    {
        var users = await admin.GetDocumentAsync("/admin/users");
        var form = users.QuerySelectorAll<IHtmlFormElement>($"form[action$='/{action}']")
            .Single(f => f.Closest("tr")!.QuerySelector("th")!.TextContent == EditorEmail);
        using var response = await admin.SubmitAsync(form, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ACopiedSession_WorksUntilSomethingEndsIt()
    {
        // The control for the tests below: the replay itself is able to act while the session is valid.
        var (portal, projectId) = await StartAsync();
        using var _ = portal;
        var (client, cookies) = await BrowserAsync(portal, EditorEmail, EditorPassword);
        var copy = await CopyAsync(client, cookies, projectId);
        var jar = new CookieContainer();
        jar.Add(copy.Cookies);

        using var archive = await portal.CreateDefaultClient(new CookieContainerHandler(jar)).SubmitAsync(copy.ArchiveForm);

        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.IsArchived).SingleAsync()));
    }

    [Fact]
    public async Task SignOut_EndsEverySessionOfTheAccount_AndACopiedCookieIsRefused()
    {
        var (portal, projectId) = await StartAsync();
        using var _ = portal;
        var (first, firstCookies) = await BrowserAsync(portal, EditorEmail, EditorPassword);
        var (second, _) = await BrowserAsync(portal, EditorEmail, EditorPassword);
        var copy = await CopyAsync(first, firstCookies, projectId);
        var dashboard = await first.GetDocumentAsync("/admin");

        using (var signOut = await first.SubmitAsync(dashboard.QuerySelector<IHtmlFormElement>("form[action='/admin/sign-out']")!))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        await AssertRefusedAsync(portal, copy, projectId);
        using var otherBrowser = await second.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, otherBrowser.StatusCode);
        Assert.StartsWith("/admin/sign-in", otherBrowser.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PasswordReset_WithTheCommandLineVerb_EndsTheAccountsSessions()
    {
        var (portal, projectId) = await StartAsync();
        using var _ = portal;
        var (client, cookies) = await BrowserAsync(portal, EditorEmail, EditorPassword);
        var copy = await CopyAsync(client, cookies, projectId);

        var exit = await AdminCommand.RunAsync(portal.Services, ["admin", "set-user", "--email", EditorEmail, "--role", "Editor"],
            new StringReader("A-new-Password-77!\n"), new StringWriter());

        Assert.Equal(0, exit);
        await AssertRefusedAsync(portal, copy, projectId);
    }

    [Fact]
    public async Task RoleChange_ByAnAdmin_EndsTheAccountsSessions()
    {
        var (portal, projectId) = await StartAsync();
        using var _ = portal;
        var (client, cookies) = await BrowserAsync(portal, EditorEmail, EditorPassword);
        var copy = await CopyAsync(client, cookies, projectId);
        var admin = await portal.SignedInClientAsync();

        await SubmitOnTheEditorsRowAsync(admin, "role", new Dictionary<string, string> { ["role"] = AdminRoles.Admin });

        await AssertRefusedAsync(portal, copy, projectId);
    }

    [Fact]
    public async Task Lock_ByAnAdmin_EndsTheAccountsSessions_AndSignInGetsTheUsualMessage()
    {
        var (portal, projectId) = await StartAsync();
        using var _ = portal;
        var (client, cookies) = await BrowserAsync(portal, EditorEmail, EditorPassword);
        var copy = await CopyAsync(client, cookies, projectId);
        var admin = await portal.SignedInClientAsync();

        await SubmitOnTheEditorsRowAsync(admin, "lock");

        await AssertRefusedAsync(portal, copy, projectId);
        using var signIn = await portal.CreatePortalClient().SignInAsync(EditorEmail, EditorPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("The email address or password is not right.", (await signIn.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        var row = (await admin.GetDocumentAsync("/admin/users")).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == EditorEmail);
        Assert.Contains("Locked by an administrator", row.TextContent);
        Assert.NotNull(row.QuerySelector("form[action$='/unlock']"));
    }
}
