using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>Two instances as separate processes on one database; one is killed the way a crash would kill it.</summary>
public sealed class KilledInstanceTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task AnInstanceKilledRightAfterConfirmingASave_LosesNothing_AndTheOtherCarriesTheSessionOn()
    {
        var settings = new Dictionary<string, string>
        {
            ["Admin:Email"] = AdminPortalFactory.AdminEmail,
            ["Admin:Password"] = AdminPortalFactory.AdminPassword,
        };
        using var first = await PortalProcess.StartAsync(_database.Path, settings);
        using var second = await PortalProcess.StartAsync(_database.Path, settings);
        var cookies = new CookieContainer();
        using var viaFirst = first.CreateClient(cookies);
        using var viaSecond = second.CreateClient(cookies);
        int id;
        await using (var db = TemporaryDatabase.Open(_database.Path))
        {
            id = await db.Projects.Where(p => p.SeedKey == "p012").Select(p => p.Id).SingleAsync();
        }

        // The second instance has the public page in its page cache before the edit.
        using (var before = await viaSecond.GetAsync($"/projects/{id}"))
        {
            var address = before.Headers.Location?.OriginalString ?? $"/projects/{id}";
            await viaSecond.GetDocumentAsync(address);
        }

        using (var signIn = await viaFirst.SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var form = await viaSecond.EditFormAsync($"/admin/projects/{id}/edit");
        using (var saved = await viaFirst.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Saved The Moment Before A Crash" }, "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            // Killed as soon as the editor is told it was saved: no shutdown, no flush.
            first.Kill();
        }

        using var moved = await viaSecond.GetAsync($"/projects/{id}");
        var page = await viaSecond.GetDocumentAsync(moved.Headers.Location?.OriginalString ?? $"/projects/{id}");
        Assert.Equal("Saved The Moment Before A Crash", page.QuerySelector("h1")!.TextContent);
        var history = await viaSecond.GetDocumentAsync($"/admin/projects/{id}/history");
        Assert.Contains("Saved The Moment Before A Crash", history.QuerySelector("main")!.TextContent);
        var next = await viaSecond.EditFormAsync($"/admin/projects/{id}/edit");
        using var savedAgain = await viaSecond.SubmitAsync(next, new Dictionary<string, string> { ["Input.Title"] = "Edited Again On The Survivor" }, "save");
        Assert.Equal(HttpStatusCode.Redirect, savedAgain.StatusCode);
    }

    public void Dispose() => _database.Dispose();
}
