using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Seeding;

public sealed class RestartTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task Restart_NeitherDuplicatesNorRevertsNorResurrects()
    {
        int archivedId, editedId, seedLedger;
        using (var first = new PortalFactory(_database.Path))
        {
            first.CreatePortalClient();
            (archivedId, editedId, seedLedger) = await first.WithDbAsync(async db =>
            {
                var projects = await db.Projects.OrderBy(p => p.SeedKey).Take(2).ToListAsync();
                projects[0].Title = "Edited by an editor";
                projects[1].IsArchived = true;
                var city = await db.Cities.SingleAsync(c => c.SeedKey != null && c.Name == "Taipei");
                city.SinceYear = 1969;
                var section = await db.ContentSections.OrderBy(s => s.Position).FirstAsync();
                section.BodyMarkdown = "Rewritten overview.";
                await db.SaveChangesAsync();
                return (projects[1].Id, projects[0].Id, await db.AppliedSeeds.CountAsync());
            });
        }

        using var second = new PortalFactory(_database.Path);
        var client = second.CreatePortalClient();

        await second.WithDbAsync(async db =>
        {
            Assert.Equal(98, await db.Projects.CountAsync());
            Assert.Equal(SeedFiles.Cities.Count(), await db.Cities.CountAsync());
            Assert.Equal(seedLedger, await db.AppliedSeeds.CountAsync());
            Assert.Equal("Edited by an editor", (await db.Projects.SingleAsync(p => p.Id == editedId)).Title);
            Assert.True((await db.Projects.SingleAsync(p => p.Id == archivedId)).IsArchived);
            Assert.Equal(1969, (await db.Cities.SingleAsync(c => c.Name == "Taipei")).SinceYear);
        });
        var api = await client.GetJsonAsync("/api/projects?pageSize=100");
        Assert.Equal(97, api.GetProperty("total").GetInt32());
        Assert.DoesNotContain(api.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == archivedId);
        var overview = await client.GetStringAsync("/");
        Assert.Contains("Rewritten overview.", overview);
    }

    [Fact]
    public async Task Restart_AfterAnEditorHardDeletedARow_DoesNotBringItBack()
    {
        using (var first = new PortalFactory(_database.Path))
        {
            first.CreatePortalClient();
            await first.WithDbAsync(async db =>
            {
                db.Projects.Remove(await db.Projects.Include(p => p.Partners).FirstAsync(p => p.SeedKey == "p098"));
                await db.SaveChangesAsync();
            });
        }

        using var second = new PortalFactory(_database.Path);
        second.CreatePortalClient();

        Assert.Equal(97, await second.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public void Startup_WithMissingSeedData_Fails()
    {
        using var factory = new BrokenSeedFactory(_database.Path);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Seed folder", error.ToString());
    }

    public void Dispose() => _database.Dispose();

    private sealed class BrokenSeedFactory(string path) : PortalFactory(path)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seed:Path", Path.Combine(Path.GetTempPath(), $"no-seed-{Guid.NewGuid():N}"));
        }
    }
}
