using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;
using Xunit.Abstractions;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>
/// An unknown address, a wrong password and a locked account cost the server the same work, so response times do not
/// tell an attacker which addresses have accounts. Compared as ratios of medians of interleaved attempts, with wide
/// bounds: before, an unknown address and a locked account answered without hashing, many times faster than a wrong
/// password. The test's output lists the times.
/// </summary>
public sealed class SignInTimingTests(ITestOutputHelper output)
{
    private const string LockedEmail = "locked.editor@example.org";
    private const string LockedPassword = "Locked-Editor-64!";

    [Fact]
    public async Task UnknownAddress_WrongPassword_AndLockedAccount_TakeTheSameTime()
    {
        using var portal = new AdminPortalFactory();
        // The throttle would answer later attempts at once; it is tested on its own.
        portal.Settings["Admin:SignInThrottle:ClientFailures"] = "1000";
        portal.Settings["Admin:SignInThrottle:AccountFailures"] = "1000";
        portal.CreatePortalClient();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var (_, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, LockedEmail, LockedPassword, AdminRoles.Editor, "test");
            Assert.Empty(errors);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(LockedEmail))!, DateTimeOffset.MaxValue);
        }

        var client = portal.CreatePortalClient();
        var form = (await client.GetDocumentAsync("/admin/sign-in")).QuerySelector<IHtmlFormElement>("form[action='/admin/sign-in']")!;
        var kinds = new (string Name, Func<int, (string Email, string Password)> Attempt)[]
        {
            ("unknown address", i => ($"nobody.{i}@example.org", "Some-password-1!")),
            ("wrong password", i => (AdminPortalFactory.AdminEmail, $"Wrong-password-{i}!")),
            ("locked account", _ => (LockedEmail, LockedPassword)),
        };
        var times = kinds.ToDictionary(k => k.Name, _ => new List<double>());

        for (var round = -2; round < 15; round++)
        {
            foreach (var (name, attempt) in kinds)
            {
                var (email, password) = attempt(round + 2);
                var watch = Stopwatch.StartNew();
                using var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
                var elapsed = watch.Elapsed.TotalMilliseconds;
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("The email address or password is not right.", (await response.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
                if (round >= 0)
                {
                    times[name].Add(elapsed);
                }
            }
        }

        var medians = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        foreach (var (name, median) in medians)
        {
            output.WriteLine($"{name}: median {median:F1} ms of {string.Join(", ", times[name].Select(t => t.ToString("F0")))}");
        }

        // Hashing dominates every kind now, so the ratios sit near 1; the bounds leave room for a loaded machine.
        Assert.InRange(medians["unknown address"] / medians["wrong password"], 1 / 3.0, 3.0);
        Assert.InRange(medians["locked account"] / medians["wrong password"], 1 / 3.0, 3.0);
    }
}
