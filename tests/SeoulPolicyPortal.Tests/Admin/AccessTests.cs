using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SeoulPolicyPortal.Tests.Admin;

public sealed class AccessTests : IClassFixture<AdminPortalFactory>
{
    private readonly AdminPortalFactory _portal;

    public AccessTests(AdminPortalFactory portal) => _portal = portal;

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/projects")]
    [InlineData("/admin/projects/1/edit")]
    [InlineData("/admin/projects/1/history")]
    [InlineData("/admin/cities")]
    [InlineData("/admin/areas")]
    [InlineData("/admin/content")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    public async Task Anonymous_AdminPage_RedirectsToSignIn(string url)
    {
        using var response = await _portal.CreatePortalClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/sign-in?ReturnUrl=", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Anonymous_Post_IsRefusedAndChangesNothing()
    {
        var before = await _portal.WithDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Id == 1).Title));

        using var response = await _portal.CreatePortalClient().PostAsync("/admin/projects/1/archive", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await _portal.WithDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Id == 1).IsArchived)));
        Assert.Equal(before, await _portal.WithDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Id == 1).Title)));
    }

    [Fact]
    public async Task SignedInPost_WithoutAntiforgeryToken_Is400AndChangesNothing()
    {
        var client = await _portal.SignedInClientAsync();
        var form = await client.EditFormAsync("/admin/projects/2/edit");
        var fields = AdminHttp.FormFields(form).Where(f => f.Key != "__RequestVerificationToken")
            .Select(f => f.Key == "Input.Title" ? new KeyValuePair<string, string>(f.Key, "Forged title") : f);

        using var response = await client.PostAsync("/admin/projects/2/edit", new FormUrlEncodedContent(fields));
        using var archive = await client.PostAsync("/admin/projects/2/archive", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, archive.StatusCode);
        var project = await _portal.WithDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Id == 2)));
        Assert.NotEqual("Forged title", project.Title);
        Assert.False(project.IsArchived);
    }

    [Fact]
    public async Task SignInPost_WithoutAntiforgeryToken_Is400()
    {
        using var response = await _portal.CreatePortalClient().PostAsync("/admin/sign-in", new FormUrlEncodedContent(
            [new("Email", AdminPortalFactory.AdminEmail), new("Password", AdminPortalFactory.AdminPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("portal.auth="));
    }

    [Fact]
    public async Task SignIn_FollowsOnlyLocalReturnUrls()
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetDocumentAsync("/admin/sign-in?returnUrl=https://evil.example/steal");
        using var response = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action='/admin/sign-in']")!,
            new Dictionary<string, string> { ["Email"] = AdminPortalFactory.AdminEmail, ["Password"] = AdminPortalFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }
}
