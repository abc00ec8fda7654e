using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Admin;

public sealed class SignInTests
{
    [Fact]
    public async Task SignIn_WithTheStartupAdmin_ReachesTheDashboardAndIsAudited()
    {
        using var portal = new AdminPortalFactory();
        var client = portal.CreatePortalClient();

        using var response = await client.SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var dashboard = await client.FollowAsync(response);
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent);
        Assert.Contains(AdminPortalFactory.AdminEmail, dashboard.QuerySelector(".admin-bar")!.TextContent);
        var audit = await portal.WithDbAsync(db => db.AuditEvents.Select(e => e.Kind).ToListAsync());
        Assert.Contains(AuditKinds.SignInSucceeded, audit);
        Assert.Contains(AuditKinds.UserCreated, audit);
    }

    [Fact]
    public async Task FirstAdmin_IsAnAdminAndNotRecreatedOrResetOnRestart()
    {
        using var database = new TemporaryDatabase();
        var path = database.Path;
        using (var first = new AdminPortalFactory(path))
        {
            first.CreatePortalClient();
            await first.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync();
                var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
                Assert.Equal([AdminRoles.Admin], roles);
            });
        }

        using var second = new AdminPortalFactory(path);
        second.Settings["Admin:Password"] = "A-different-Password-99!";
        var client = second.CreatePortalClient();

        Assert.Equal(1, await second.WithDbAsync(db => db.Users.CountAsync()));
        using var response = await client.SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnTheFormWithAMessage()
    {
        using var portal = new AdminPortalFactory();
        var client = portal.CreatePortalClient();

        using var response = await client.SignInAsync(AdminPortalFactory.AdminEmail, "Wrong-password-1!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("email address or password is not right", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(AdminPortalFactory.AdminEmail, page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("#Password")!.GetAttribute("value")));
        Assert.Contains(AuditKinds.SignInFailed, await portal.WithDbAsync(db => db.AuditEvents.Select(e => e.Kind).ToListAsync()));
        using var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_AreRateLimitedPerClient()
    {
        using var portal = new AdminPortalFactory();
        portal.Settings["Admin:SignInAttemptsPerMinute"] = "3";
        var client = portal.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SignInAsync("nobody@example.org", "Wrong-password-1!");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var limited = await client.SignInAsync("nobody@example.org", "Wrong-password-1!");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SignInAttempts_AreCountedAcrossInstances_EvenWhenTheySucceed()
    {
        using var database = new TemporaryDatabase();
        using var first = new AdminPortalFactory(database.Path);
        first.Settings["Admin:SignInAttemptsPerMinute"] = "3";
        using var second = new AdminPortalFactory(database.Path);
        second.Settings["Admin:SignInAttemptsPerMinute"] = "3";

        // Two attempts through one instance and one through the other, one of them right: the fourth is refused
        // wherever the balancer sends it, before any password is checked. (A minute boundary between the attempts
        // would start a new count; the test's few hundred milliseconds rarely cross one, so it retries once if so.)
        for (var tries = 0; ; tries++)
        {
            var started = DateTime.UtcNow;
            using (await first.CreatePortalClient().SignInAsync("nobody@example.org", "Wrong-password-1!")) { }
            using (await first.CreatePortalClient().SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword)) { }
            using (await second.CreatePortalClient().SignInAsync("nobody@example.org", "Wrong-password-1!")) { }
            using var fourth = await second.CreatePortalClient().SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword);
            if (started.Minute != DateTime.UtcNow.Minute && tries == 0)
            {
                await first.WithDbAsync(db => db.Throttles.ExecuteDeleteAsync());
                continue;
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
            Assert.NotNull(fourth.Headers.RetryAfter);
            break;
        }
    }

    [Fact]
    public async Task Editor_CanEditButCannotManageUsersOrReadTheAuditLog()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var (created, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, "editor@example.org", "Editor-Password-77!", AdminRoles.Editor, "test");
            Assert.True(created, string.Join(" ", errors));
        }

        var client = await portal.SignedInClientAsync("editor@example.org", "Editor-Password-77!");

        using var projects = await client.GetAsync("/admin/projects");
        using var users = await client.GetAsync("/admin/users");
        using var audit = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("/admin/access-denied", users.Headers.Location!.OriginalString);
        Assert.StartsWith("/admin/access-denied", audit.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task UserWithoutARole_CannotEnterTheAdminArea()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var result = await users.CreateAsync(new IdentityUser { UserName = "nobody@example.org", Email = "nobody@example.org" }, "Nobody-Password-55!");
            Assert.True(result.Succeeded);
        }

        var client = await portal.SignedInClientAsync("nobody@example.org", "Nobody-Password-55!");
        using var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/access-denied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CommandLineVerb_CreatesAndResetsUsers_ReadingThePasswordFromStandardInput()
    {
        using var portal = new AdminPortalFactory();
        portal.CreatePortalClient();
        var output = new StringWriter();

        var created = await AdminCommand.RunAsync(portal.Services, ["admin", "set-user", "--email", "cli@example.org", "--role", "Editor"],
            new StringReader("Cli-Password-123!\n"), output);
        var weak = await AdminCommand.RunAsync(portal.Services, ["admin", "set-user", "--email", "cli@example.org"],
            new StringReader("short\n"), output);
        var reset = await AdminCommand.RunAsync(portal.Services, ["admin", "set-user", "--email", "cli@example.org", "--role", "Admin"],
            new StringReader("Cli-Password-456!\n"), output);

        Assert.Equal([0, 1, 0], new[] { created, weak, reset });
        Assert.Contains("Created cli@example.org with the role Editor.", output.ToString());
        Assert.Contains("Reset the password of cli@example.org, set its role to Admin and lifted any lockout.", output.ToString());
        Assert.Single(output.ToString().Split('\n'), line => line.StartsWith("Created "));
        Assert.DoesNotContain("Cli-Password", output.ToString());
        var client = await portal.SignedInClientAsync("cli@example.org", "Cli-Password-456!");
        using var users = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var dashboard = await client.GetDocumentAsync("/admin");

        using var response = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)dashboard.QuerySelector("form[action='/admin/sign-out']")!);
        using var after = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/admin/sign-in", after.Headers.Location!.OriginalString);
    }
}
