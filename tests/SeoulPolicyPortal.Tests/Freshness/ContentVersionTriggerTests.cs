using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data.Versioning;

namespace SeoulPolicyPortal.Tests.Freshness;

/// <summary>
/// The public caches are fresh because the database moves the content version, not because writes pass through EF:
/// these writes are plain SQL, as an operator or a bulk import would send them.
/// </summary>
public sealed class ContentVersionTriggerTests
{
    [Fact]
    public async Task RawSqlUpdateOfAProjectTitle_ShowsOnTheNextRequest_OnThePageAndInTheCatalogue()
    {
        using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        var catalogueBefore = await client.GetDocumentAsync("/projects?country=JO");
        var id = int.Parse(catalogueBefore.QuerySelector(".project-title a")!.GetAttribute("href")!.Split('/')[2]);
        var before = await ProjectPageAsync(client, id);
        Assert.DoesNotContain("Retitled by hand", before.Html);
        Assert.DoesNotContain("Retitled by hand", catalogueBefore.DocumentElement.OuterHtml);
        using var beforeResponse = await client.GetAsync("/api/projects?country=JO");
        var modifiedBefore = beforeResponse.Content.Headers.LastModified;

        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "Projects" SET "Title" = {0} WHERE "Id" = {1}""", "Retitled by hand", id));

        var after = await ProjectPageAsync(client, id);
        Assert.Equal("Retitled by hand", after.H1);
        var catalogue = await client.GetDocumentAsync("/projects?country=JO");
        Assert.Contains(catalogue.QuerySelectorAll(".project-title a"), a => a.TextContent.Trim() == "Retitled by hand");
        using var afterResponse = await client.GetAsync("/api/projects?country=JO");
        Assert.Contains("Retitled by hand", await afterResponse.Content.ReadAsStringAsync());
        var modifiedAfter = afterResponse.Content.Headers.LastModified;
        Assert.NotNull(modifiedAfter);
        Assert.NotNull(modifiedBefore);
        Assert.True(modifiedAfter >= modifiedBefore, $"Last-Modified went from {modifiedBefore} to {modifiedAfter}");
        Assert.InRange(modifiedAfter!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task RawSqlOnEveryPublishedTable_MovesTheVersion_AndOtherTablesDoNot()
    {
        using var portal = new PortalFactory();
        portal.CreatePortalClient();

        var moved = await portal.WithDbAsync(async db =>
        {
            async Task<long> Version() => await db.ContentVersions.AsNoTracking().Select(v => v.Value).SingleAsync();
            var result = new Dictionary<string, bool>();
            foreach (var table in ContentVersionTriggers.Tables)
            {
                var start = await Version();
                // Rewrites one column of every row with its own value: a real UPDATE, no visible change.
                var column = SomeColumn.GetValueOrDefault(table, "Name");
                var sql = $"""UPDATE "{table}" SET "{column}" = "{column}" """;
                await db.Database.ExecuteSqlRawAsync(sql);
                result[table] = await Version() > start;
            }

            var beforeAudit = await Version();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "Kind" = "Kind" """);
            result["AuditEvents"] = await Version() > beforeAudit;
            return result;
        });

        Assert.All(ContentVersionTriggers.Tables, table => Assert.True(moved[table], $"an UPDATE of {table} did not move the version"));
        Assert.False(moved["AuditEvents"]);
    }

    [Fact]
    public async Task RawSqlInsertAndDelete_MoveTheVersion()
    {
        using var portal = new PortalFactory();
        portal.CreatePortalClient();

        var (start, afterInsert, afterDelete) = await portal.WithDbAsync(async db =>
        {
            async Task<long> Version() => await db.ContentVersions.AsNoTracking().Select(v => v.Value).SingleAsync();
            var start = await Version();
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "StatedFigures" ("Key", "Label", "Value", "AsOf", "IsArchived", "Version", "UpdatedAtUtc")
                VALUES ('test-figure', 'A test figure', 1, '2026', FALSE, 1, '2026-01-01 00:00:00')
                """);
            var afterInsert = await Version();
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "StatedFigures" WHERE "Key" = 'test-figure'""");
            return (start, afterInsert, await Version());
        });

        Assert.True(afterInsert > start);
        Assert.True(afterDelete > afterInsert);
    }

    private static readonly Dictionary<string, string> SomeColumn = new()
    {
        ["Projects"] = "Title",
        ["ContentSections"] = "Title",
        ["StatedFigures"] = "Label",
        ["Translations"] = "Text",
        ["SiteTexts"] = "Text",
    };

    private static async Task<(string H1, string Html)> ProjectPageAsync(HttpClient client, int id)
    {
        var url = $"/projects/{id}";
        using var response = await client.GetAsync(url);
        if (response.Headers.Location is { } location)
        {
            url = location.OriginalString;
        }

        var document = await client.GetDocumentAsync(url);
        return (document.QuerySelector("h1")!.TextContent.Trim(), document.DocumentElement.OuterHtml);
    }
}
