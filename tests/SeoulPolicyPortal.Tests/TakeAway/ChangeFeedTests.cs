using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Tests.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.TakeAway;

/// <summary>Edits made in the admin area reach /feed.atom and /changes; what readers could not see never does. Each test edits, so each has its own portal.</summary>
public sealed class ChangeFeedTests
{
    private static async Task<SyndicationFeed> FeedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    private static string? Link(SyndicationItem item) => item.Links.SingleOrDefault(l => l.RelationshipType == "alternate")?.Uri.ToString();

    private static string Content(SyndicationItem item) => ((TextSyndicationContent)item.Content).Text;

    private static async Task SaveProjectAsync(HttpClient client, int id, Dictionary<string, string> fields)
    {
        var form = await client.EditFormAsync($"/admin/projects/{id}/edit");
        using var response = await client.SubmitAsync(form, fields, "save");
        await client.FollowAsync(response);
    }

    private static async Task PostEditorFormAsync(HttpClient client, int id, string action)
    {
        var page = await client.GetDocumentAsync($"/admin/projects/{id}/edit");
        using var response = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>($"form[action$='/{action}']")!);
        await client.FollowAsync(response);
    }

    [Fact]
    public async Task AnAdminEdit_IsAtTheTopOfTheFeedOfItsCountryAndAreaAndOfTheChangesPage()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Area).Include(p => p.Partners)
            .FirstAsync(p => p.Partners.Any(pp => pp.CountryCode == "VN") && p.Partners.All(pp => pp.CountryCode != "JP")));
        Assert.Empty((await FeedAsync(client, "/feed.atom")).Items);

        await SaveProjectAsync(client, project.Id, new() { ["Input.Title"] = "Hanoi Transit Card, second phase", ["Input.EndYear"] = "2031" });

        var all = await FeedAsync(client, "/feed.atom");
        var top = all.Items.First();
        Assert.Equal("Project changed: Hanoi Transit Card, second phase", top.Title.Text);
        Assert.Contains("Title changed.", Content(top));
        Assert.Contains("2031", Content(top));
        Assert.Equal($"http://localhost/projects/{project.Id}/hanoi-transit-card-second-phase", Link(top));
        Assert.StartsWith("urn:uuid:", top.Id);
        Assert.True(top.LastUpdatedTime > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(top.LastUpdatedTime, all.LastUpdatedTime);

        Assert.Equal(top.Id, (await FeedAsync(client, "/feed.atom?country=VN")).Items.First().Id);
        Assert.Equal(top.Id, (await FeedAsync(client, "/feed.atom?country=vn&kind=projects")).Items.First().Id);
        Assert.Equal(top.Id, (await FeedAsync(client, $"/feed.atom?area={project.Area!.Slug}")).Items.First().Id);
        Assert.DoesNotContain((await FeedAsync(client, "/feed.atom?country=JP")).Items, i => i.Id == top.Id);
        Assert.DoesNotContain((await FeedAsync(client, "/feed.atom?kind=cities")).Items, i => i.Id == top.Id);
        // The same id every time it is read: feed readers must not see it as new.
        Assert.Equal(top.Id, (await FeedAsync(client, "/feed.atom")).Items.First().Id);

        var changes = await client.GetDocumentAsync("/changes");
        var first = changes.QuerySelector(".change")!;
        Assert.Equal("Hanoi Transit Card, second phase", first.QuerySelector(".change-title a")!.TextContent.Trim());
        Assert.Equal($"/projects/{project.Id}/hanoi-transit-card-second-phase", first.QuerySelector(".change-title a")!.GetAttribute("href"));
        Assert.Contains("Project changed", first.QuerySelector(".change-meta")!.TextContent);
        var vietnam = await client.GetDocumentAsync("/countries/VN");
        Assert.Equal("/feed.atom?country=VN", vietnam.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ArchivedProject_LeavesTheCatalogueInTheFeedAndItsLaterEditsStayOut()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var id = await portal.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p010").Select(p => p.Id).SingleAsync());

        await SaveProjectAsync(client, id, new() { ["Input.Title"] = "A project about to be archived" });
        await PostEditorFormAsync(client, id, "archive");

        var feed = await FeedAsync(client, "/feed.atom");
        Assert.Equal("Project archived: A project about to be archived", feed.Items.First().Title.Text);
        Assert.Contains("Removed from the catalogue.", Content(feed.Items.First()));
        // Nothing links to a page that is gone.
        Assert.All(feed.Items, item => Assert.Null(Link(item)));

        await SaveProjectAsync(client, id, new() { ["Input.Title"] = "An unpublished working title" });

        var after = await FeedAsync(client, "/feed.atom");
        Assert.Equal(feed.Items.Select(i => i.Id), after.Items.Select(i => i.Id));
        Assert.DoesNotContain("unpublished", (await client.GetStringAsync("/changes")), StringComparison.Ordinal);

        await PostEditorFormAsync(client, id, "unarchive");

        var back = (await FeedAsync(client, "/feed.atom")).Items.First();
        Assert.Equal("Project added: An unpublished working title", back.Title.Text);
        Assert.Equal($"http://localhost/projects/{id}/an-unpublished-working-title", Link(back));
    }

    [Fact]
    public async Task NewPartnerCity_IsInTheFeedOfItsCountry_OnceItsDraftIsPublished()
    {
        using var portal = new AdminPortalFactory();
        portal.Settings["Drafts:AuthorsMayPublishOwn"] = "true";
        var client = await portal.SignedInClientAsync();
        var form = await client.EditFormAsync("/admin/cities/new");

        using var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Da Lat",
            ["Input.CountryCode"] = "VN",
            ["Input.Relationship"] = "Friendship",
            ["Input.SinceYear"] = "2025",
        }, "save");
        await client.SubmitAndPublishAsync(await client.FollowAsync(response));

        var top = (await FeedAsync(client, "/feed.atom?country=VN&kind=cities")).Items.Single();
        Assert.Equal("Partner city added: Da Lat", top.Title.Text);
        Assert.Equal("New friendship city in Vietnam. Partner since 2025.", Content(top));
        Assert.Equal("http://localhost/countries/VN", Link(top));
        Assert.Empty((await FeedAsync(client, "/feed.atom?kind=projects")).Items);
    }
}

[Collection(SharedPortal.Name)]
public sealed class ChangeFeedFilterTests(PortalFactory portal)
{
    private readonly HttpClient _client = portal.CreatePortalClient();

    [Theory]
    [InlineData("/feed.atom?country=Vietnam", "country")]
    [InlineData("/feed.atom?country=ZZ", "country")]
    [InlineData("/feed.atom?area=no-such-area", "area")]
    [InlineData("/feed.atom?kind=people", "kind")]
    public async Task Feed_WithBadFilters_IsA400NamingTheParameter(string url, string parameter)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"\"{parameter}\"", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Saves through the admin area's own pipeline (ContentEditor), many at a time.</summary>
public sealed class ChangesPageTests
{
    private static async Task EditAsync(PortalFactory portal, ContentKind kind, int id, Action<EditableEntity> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var entity = (await kind.FindAsync(db, id, CancellationToken.None))!;
        var before = kind.SnapshotJson(entity);
        change(entity);
        await editor.SaveAsync(kind, entity, RevisionActions.Edited, before, entity.Version, "editor@example.org", CancellationToken.None);
    }

    [Fact]
    public async Task ChangesPage_ListsTheFeedsEntriesNewestFirstTwentyAPage()
    {
        using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        var id = await portal.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p001").Select(p => p.Id).SingleAsync());
        for (var i = 1; i <= 25; i++)
        {
            await EditAsync(portal, ContentKind.Project, id, p => ((Project)p).Title = $"Fare collection, revision {i}");
        }

        var first = await client.GetDocumentAsync("/changes");
        var titles = first.QuerySelectorAll(".change-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(20, titles.Count);
        Assert.Equal("Fare collection, revision 25", titles[0]);
        Assert.Contains("25 changes", first.QuerySelector(".result-count")!.TextContent);
        Assert.Equal("/changes?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var second = await client.GetDocumentAsync("/changes?page=2");
        Assert.Equal(["Fare collection, revision 5", "Fare collection, revision 4", "Fare collection, revision 3", "Fare collection, revision 2",
            "Fare collection, revision 1"], second.QuerySelectorAll(".change-title").Select(t => t.TextContent.Trim()));
        Assert.Equal("http://localhost/changes?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        var feed = await client.GetStringAsync("/feed.atom");
        Assert.Equal(25, feed.Split("<entry>").Length - 1);
        var past = await client.GetDocumentAsync("/changes?page=9");
        Assert.Contains("past the last page", past.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task OverviewSectionEdit_IsInTheFeedAndLinksToTheSection()
    {
        using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        var section = await portal.WithDbAsync(db => db.ContentSections.OrderBy(s => s.Position).FirstAsync());

        await EditAsync(portal, ContentKind.Content, section.Id, s => ((ContentSection)s).BodyMarkdown += "\n\nOne more paragraph.");

        var page = await client.GetDocumentAsync("/changes?kind=overview");
        var entry = Assert.Single(page.QuerySelectorAll(".change"));
        Assert.Contains("Overview changed", entry.QuerySelector(".change-meta")!.TextContent);
        Assert.Equal($"/#{section.Slug}", entry.QuerySelector(".change-title a")!.GetAttribute("href"));
        Assert.Contains("Text changed.", entry.TextContent);
        Assert.Empty((await client.GetDocumentAsync("/changes?country=VN")).QuerySelectorAll(".change"));
    }
}
