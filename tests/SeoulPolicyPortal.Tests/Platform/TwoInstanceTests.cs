using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>
/// Two instances of the portal on one database, as behind a load balancer: each keeps its own caches (pages included),
/// and none may show a reader or an editor anything the other would contradict.
/// </summary>
public sealed class TwoInstanceTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task AnEditThroughOneInstance_IsOnTheOthersNextResponse_ThoughItHadThePageCached()
    {
        using var first = new AdminPortalFactory(_database.Path);
        using var second = new PortalFactory(_database.Path);
        var reader = second.CreatePortalClient();
        var id = await first.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p010").Select(p => p.Id).SingleAsync());
        var address = await CanonicalAddressAsync(reader, $"/projects/{id}");
        await reader.GetDocumentAsync(address);
        using (var cached = await reader.GetAsync(address))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        var editor = await first.SignedInClientAsync();
        using (var saved = await editor.SubmitAsync(
            await editor.EditFormAsync($"/admin/projects/{id}/edit"), new Dictionary<string, string> { ["Input.Title"] = "Edited On The First Instance" }, "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var stale = await reader.GetAsync(address);
        Assert.Equal(HttpStatusCode.MovedPermanently, stale.StatusCode);
        var page = await reader.GetDocumentAsync(stale.Headers.Location!.OriginalString);
        Assert.Equal("Edited On The First Instance", page.QuerySelector("h1")!.TextContent);
        var list = await reader.GetDocumentAsync("/projects?q=Edited+On+The+First+Instance");
        Assert.Contains("Edited On The First Instance", list.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ASignInOnOneInstance_IsASessionOnTheOther_AndOutlivesTheFirst()
    {
        var cookies = new CookieContainer();
        var first = new AdminPortalFactory(_database.Path);
        using var second = new AdminPortalFactory(_database.Path);
        var viaFirst = first.CreateDefaultClient(new CookieContainerHandler(cookies));
        var viaSecond = second.CreateDefaultClient(new CookieContainerHandler(cookies));
        using (var signIn = await viaFirst.SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // The balancer sends the next request elsewhere: the cookie, protected with keys from the database, is valid there.
        var dashboard = await viaSecond.GetDocumentAsync("/admin");
        Assert.NotNull(dashboard.QuerySelector("form[action='/admin/sign-out']"));

        // A form loaded through the second instance is saved through the first: its antiforgery token is valid there too.
        var id = await second.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p011").Select(p => p.Id).SingleAsync());
        var form = await viaSecond.EditFormAsync($"/admin/projects/{id}/edit");
        using (var saved = await viaFirst.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Saved Before The Instance Went Away" }, "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // The first instance goes away: what it answered as saved is in the database, and the session goes on.
        first.Dispose();
        Assert.Equal("Saved Before The Instance Went Away",
            await second.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
        var history = await viaSecond.GetDocumentAsync($"/admin/projects/{id}/history");
        Assert.NotEmpty(history.QuerySelectorAll(".revision"));
    }

    private static async Task<string> CanonicalAddressAsync(HttpClient client, string address)
    {
        using var response = await client.GetAsync(address);
        return response.StatusCode == HttpStatusCode.MovedPermanently ? response.Headers.Location!.OriginalString : address;
    }

    public void Dispose() => _database.Dispose();
}
