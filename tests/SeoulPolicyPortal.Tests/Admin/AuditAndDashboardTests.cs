using System.Net;
using System.Reflection;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Consultations;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>The audit log reads as sentences; the dashboard's data-quality findings come grouped by check.</summary>
public sealed class AuditAndDashboardTests
{
    /// <summary>Every code the portal writes to the audit log, read from the constants it writes them from.</summary>
    private static List<string> KnownCodes() =>
        new[] { typeof(AuditKinds), typeof(ConsultationAuditKinds), typeof(SeoulPolicyPortal.Web.Areas.Admin.Drafts.DraftEvents) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();

    [Fact]
    public async Task AuditLog_ShowsASentenceForEveryCode_AndStillReadableWordsForAnUnknownOne()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var codes = KnownCodes();
        Assert.True(codes.Count >= 15, $"only {codes.Count} codes found");
        await portal.WithDbAsync(async db =>
        {
            var at = DateTime.UtcNow.AddMinutes(1);
            db.AuditEvents.AddRange(codes.Append("mystery-thing-happened").Select(code => new AuditEvent { AtUtc = at, Kind = code, Email = "someone@example.org" }));
            await db.SaveChangesAsync();
        });
        var form = await client.EditFormAsync("/admin/projects/3/edit");
        using (var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Retitled for the audit log" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var audit = await client.GetDocumentAsync("/admin/audit");

        var what = audit.QuerySelectorAll(".audit-log tbody td[data-kind]")
            .GroupBy(td => td.GetAttribute("data-kind")!).ToDictionary(g => g.Key, g => g.First().TextContent.Trim());
        foreach (var code in codes)
        {
            Assert.True(what.TryGetValue(code, out var sentence), $"{code} is not on the page");
            Assert.False(string.Equals(code, sentence, StringComparison.OrdinalIgnoreCase), $"{code} is shown as its code");
            Assert.DoesNotContain(code.Contains('-') ? code : "-code-", sentence);
            Assert.DoesNotContain("-", sentence.Replace("Sign-in", "").Replace("sign-in", ""));
            Assert.True(char.IsUpper(sentence[0]), sentence);
        }

        Assert.Equal("Signed in", what[AuditKinds.SignInSucceeded]);
        Assert.Equal("Changed their own password", what[AuditKinds.PasswordChanged]);
        Assert.Equal("Mystery thing happened", what["mystery-thing-happened"]);
        Assert.Contains(audit.QuerySelectorAll(".audit-log tbody tr"), r => r.TextContent.Contains("Project edited") && r.TextContent.Contains("Retitled for the audit log"));
    }

    [Fact]
    public async Task AuditDetails_AreStoredAsTemplates_AndReadInTheReadersLanguage()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        await portal.WithDbAsync(async db =>
        {
            var at = DateTime.UtcNow.AddMinutes(1);
            db.AuditEvents.AddRange(
                new AuditEvent { AtUtc = at, Kind = AuditKinds.RoleChanged, Email = "someone@example.org", Detail = AuditDetail.Of("Role {0}", "Editor") },
                new AuditEvent { AtUtc = at, Kind = AuditKinds.ThrottleLifted, Detail = "sign-in:client:203.0.113.9" },
                new AuditEvent { AtUtc = at, Kind = AuditKinds.RoleChanged, Detail = "{\"text\": cut at the column's length" });
            await db.SaveChangesAsync();
        });
        var stored = await portal.WithDbAsync(db => db.AuditEvents.Where(e => e.Detail!.Contains("Editor")).Select(e => e.Detail).FirstAsync());
        Assert.StartsWith("{\"text\":\"Role {0}\"", stored);

        var english = (await client.GetDocumentAsync("/admin/audit")).QuerySelector(".audit-log")!.TextContent;
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var spanish = (await client.GetDocumentAsync("/admin/audit")).QuerySelector(".audit-log")!.TextContent;

        Assert.Contains("Role Editor", english);
        Assert.Contains("Rol Editor", spanish);
        Assert.DoesNotContain("Role Editor", spanish);
        Assert.DoesNotContain("\"values\"", english);
        // Plain data, and a detail that is not a whole template, are shown as they are.
        Assert.Contains("sign-in:client:203.0.113.9", spanish);
        Assert.Contains("cut at the column", spanish);
    }

    [Fact]
    public async Task Dashboard_GroupsFindingsByCheck_WithACount_MostImportantFirst()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var withoutYear = await portal.WithDbAsync(db => db.Cities.CountAsync(c => !c.IsArchived && c.SinceYear == null));
        Assert.True(withoutYear > 5, "the seed has many cities without a since-year");

        var dashboard = await client.GetDocumentAsync("/admin");

        var groups = dashboard.QuerySelectorAll("details.quality-group").ToList();
        var kinds = groups.Select(g => g.GetAttribute("data-kind")!).ToList();
        Assert.Equal(kinds.Distinct().Count(), kinds.Count);
        string[] importance = ["Declared vs listed", "Project without a country", "City without a since-year"];
        Assert.Equal(importance.Where(kinds.Contains), kinds);
        Assert.Equal("City without a since-year", kinds[^1]);
        foreach (var group in groups)
        {
            var rows = group.QuerySelectorAll("tbody tr").Length;
            Assert.Equal(rows.ToString(), group.QuerySelector("summary .count")!.GetAttribute("data-count"));
            Assert.Contains(rows == 1 ? "1 item" : $"{rows} items", group.QuerySelector("summary")!.TextContent);
            // A long list starts folded, so the page opens on every check's heading rather than 52 rows of one.
            Assert.Equal(rows <= 5, group.HasAttribute("open"));
        }

        var cities = groups.Single(g => g.GetAttribute("data-kind") == "City without a since-year");
        Assert.Equal(withoutYear, cities.QuerySelectorAll("tbody tr").Length);
        Assert.Single(dashboard.QuerySelectorAll("summary"), s => s.TextContent.Contains("City without a since-year"));
    }
}
