using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>Pages keep what they derived from content only while ContentVersion says it is current.</summary>
public sealed class PublishedContentCacheTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task TwoInstancesOnOneDatabase_AnEditThroughOneShowsAtOnceOnTheOther()
    {
        using var reader = new PortalFactory(_database.Path);
        var readerClient = reader.CreatePortalClient();
        Assert.Equal(36, (await readerClient.GetJsonAsync("/api/projects?area=transportation")).GetProperty("total").GetInt32());

        using var writer = new PortalFactory(_database.Path);
        writer.CreatePortalClient();
        await writer.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.SeedKey == "p001");
            project.Title = "Renamed on the other instance";
            var archived = await db.Projects.SingleAsync(p => p.SeedKey == "p002");
            archived.IsArchived = true;
            await db.SaveChangesAsync();
        });

        var after = await readerClient.GetJsonAsync("/api/projects?area=transportation&pageSize=100");
        Assert.Equal(35, after.GetProperty("total").GetInt32());
        Assert.Contains(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Renamed on the other instance");
        var page = await readerClient.GetStringAsync("/projects?area=transportation&pageSize=100");
        Assert.Contains("Renamed on the other instance", page);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_AnOverviewEditThroughOneShowsAtOnceOnTheOther()
    {
        using var reader = new PortalFactory(_database.Path);
        var readerClient = reader.CreatePortalClient();
        Assert.DoesNotContain("Rewritten elsewhere.", await readerClient.GetStringAsync("/"));

        using var writer = new PortalFactory(_database.Path);
        writer.CreatePortalClient();
        await writer.WithDbAsync(async db =>
        {
            (await db.ContentSections.OrderBy(s => s.Position).FirstAsync()).BodyMarkdown = "Rewritten elsewhere.";
            (await db.Cities.FirstAsync()).IsArchived = true;
            await db.SaveChangesAsync();
        });

        var overview = await readerClient.GetDocumentAsync("/");
        Assert.Contains("Rewritten elsewhere.", overview.QuerySelector("section.prose")!.TextContent);
        var cities = overview.QuerySelectorAll(".figure").Single(f => f.QuerySelector(".figure-label")!.TextContent == "Sister and friendship cities");
        Assert.Equal((SeedFiles.Cities.Count() - 1).ToString(), cities.QuerySelector(".figure-value")!.TextContent);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_ACityEditThroughOneShowsAtOnceOnTheOther()
    {
        using var reader = new PortalFactory(_database.Path);
        var readerClient = reader.CreatePortalClient();
        Assert.Equal(1, (await readerClient.GetJsonAsync("/api/cities?q=taipei")).GetProperty("total").GetInt32());

        using var writer = new PortalFactory(_database.Path);
        writer.CreatePortalClient();
        await writer.WithDbAsync(async db =>
        {
            var taipei = await db.Cities.SingleAsync(c => c.Name == "Taipei");
            taipei.Name = "Taipei City";
            taipei.SearchText = Web.Data.SearchText.Normalize("Taipei City | Chinese Taipei | Taiwan");
            await db.SaveChangesAsync();
        });

        var json = await readerClient.GetJsonAsync("/api/cities?q=taipei+city");
        Assert.Equal("Taipei City", json.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Contains("Taipei City", await readerClient.GetStringAsync("/cities?region=asia"));
    }

    [Fact]
    public async Task SavingContent_MovesTheVersion_AndSavingAnythingElseDoesNot()
    {
        using var portal = new PortalFactory(_database.Path);
        portal.CreatePortalClient();

        var (start, afterAudit, afterEdit) = await portal.WithDbAsync(async db =>
        {
            long Version() => db.ContentVersions.AsNoTracking().Single().Value;
            var start = Version();
            db.AppliedSeeds.Add(new Web.Data.AppliedSeed { Key = "test:not-content", AppliedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var afterAudit = Version();
            (await db.Areas.FirstAsync()).Name = "Renamed area";
            await db.SaveChangesAsync();
            return (start, afterAudit, Version());
        });

        Assert.Equal(start, afterAudit);
        Assert.Equal(start + 1, afterEdit);
    }

    public void Dispose() => _database.Dispose();
}
