using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Features.Graphics;

namespace SeoulPolicyPortal.Tests.Graphics;

public sealed class WorldGeometryTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public void Projection_PlacesPointsWhereD3PlacedThemWhenTheMapWasPrepared()
    {
        var geometry = WorldGeometry.Instance;

        Assert.NotEmpty(geometry.Checks);
        foreach (var (lon, lat, x, y) in geometry.Checks)
        {
            var (px, py) = geometry.Project(lat, lon);
            Assert.True(Math.Abs(px - x) < 0.01 && Math.Abs(py - y) < 0.01, $"({lon}, {lat}) projects to ({px}, {py}), d3 said ({x}, {y})");
        }
    }

    [Fact]
    public void EveryCountryOfTheSeedData_HasAnOutlineInsideTheMap()
    {
        var geometry = WorldGeometry.Instance;

        foreach (var country in SeedFiles.Read("countries.json").EnumerateArray().Select(c => c.GetProperty("code").GetString()!))
        {
            Assert.True(geometry.Countries.TryGetValue(country, out var shape), $"{country} has no outline");
            Assert.True(shape.Extent.Width > 0 && shape.Extent.X0 >= -1 && shape.Extent.X1 <= geometry.Width + 1, $"{country}: {shape.Extent}");
        }
    }

    [Fact]
    public void Extent_FollowsRelativePathData()
    {
        Assert.Equal(new MapBox(10, 15, 14, 20), WorldGeometry.ExtentOf("M10 20l4-5 0 3zM12 18l1 1z"));
    }

    [Fact]
    public async Task CityLocations_AreSeededOnce_AndAnEditorsPointIsKeptOnRestart()
    {
        using (var first = new PortalFactory(_database.Path))
        {
            first.CreatePortalClient();
            await first.WithDbAsync(async db =>
            {
                var beijing = await db.Cities.SingleAsync(c => c.SeedKey == "c-asia-beijing");
                Assert.Equal(39.9075, beijing.Latitude!.Value, 4);
                Assert.Equal(116.3972, beijing.Longitude!.Value, 4);
                Assert.Null((await db.Cities.SingleAsync(c => c.SeedKey == "c-asia-shandong")).Latitude);
                Assert.Equal("Asia", (await db.Countries.Include(c => c.Region).SingleAsync(c => c.Code == "AZ")).Region!.Name);
                Assert.NotNull((await db.Areas.SingleAsync(a => a.Slug == "urban-railway")).Note);

                // An editor moves Tokyo; an older database never had Hanoi's point (its seed record not yet applied).
                (await db.Cities.SingleAsync(c => c.SeedKey == "c-asia-tokyo")).Latitude = 35.0;
                var hanoi = await db.Cities.SingleAsync(c => c.SeedKey == "c-asia-hanoi");
                (hanoi.Latitude, hanoi.Longitude) = (null, null);
                db.AppliedSeeds.Remove(await db.AppliedSeeds.SingleAsync(s => s.Key == "city-location:c-asia-hanoi"));
                await db.SaveChangesAsync();
            });
        }

        using var second = new PortalFactory(_database.Path);
        second.CreatePortalClient();
        await second.WithDbAsync(async db =>
        {
            Assert.Equal(35.0, (await db.Cities.SingleAsync(c => c.SeedKey == "c-asia-tokyo")).Latitude);
            Assert.Equal(21.0245, (await db.Cities.SingleAsync(c => c.SeedKey == "c-asia-hanoi")).Latitude!.Value, 4);
        });
    }

    public void Dispose() => _database.Dispose();
}
