using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Projects;

/// <summary>The catalogue keeps its rows between requests only while ContentVersion says they are current.</summary>
public sealed class CatalogueCacheTests : IDisposable
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
