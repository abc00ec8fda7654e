using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Import;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Exports;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>The spreadsheet import: a dry run that writes nothing, an apply as one batch, an undo, and bad files refused.</summary>
public sealed class ImportTests
{
    private const string Header = "Id,Title,Area,Sub-area,Start year,End year,Partners,Country codes,URL";

    private sealed record Seeded(string Area, string SubArea, string OtherAreasSubArea, string ExistingTitle, int ExistingStart, string ExistingCountry);

    private static Task<Seeded> SeededAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        var areas = await db.Areas.Include(a => a.Concentrations).OrderBy(a => a.Position).ToListAsync();
        var area = areas.First(a => a.Concentrations.Count > 0);
        var subArea = area.Concentrations.OrderBy(c => c.Position).First();
        var areaNames = area.Concentrations.Select(c => c.Name).ToHashSet();
        var other = areas.Skip(1).SelectMany(a => a.Concentrations).First(c => !areaNames.Contains(c.Name));
        var existing = await db.Projects.Include(p => p.Partners).Where(p => p.Partners.Any(pp => pp.CountryCode != null)).OrderBy(p => p.Id).FirstAsync();
        return new Seeded(area.Name, subArea.Name, other.Name, existing.Title, existing.StartYear, existing.Partners.First(pp => pp.CountryCode != null).CountryCode!);
    });

    /// <summary>Everything an import could write: if none of it moved, nothing was written.</summary>
    private static Task<string> DatabaseStateAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
        string.Join(" ", await db.Projects.CountAsync(), await db.ProjectPartners.CountAsync(), await db.Revisions.CountAsync(),
            await db.Drafts.CountAsync(), await db.ImportBatches.CountAsync(), await db.ContentVersions.Select(v => v.Value).SingleAsync()));

    private static byte[] Csv(params string[] lines) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private static string Row(string title, string area, string subArea, string start, string end, string partners = "", string codes = "") =>
        string.Join(",", new[] { "", title, area, subArea, start, end, partners, codes, "" }.Select(Quote));

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string contentType = "text/csv")
    {
        var page = await client.GetDocumentAsync("/admin/import");
        var form = page.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!;
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in AdminHttp.FormFields(form))
        {
            multipart.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        multipart.Add(file, "file", fileName);
        return await client.PostAsync(form.Action, multipart);
    }

    private static IReadOnlyList<(int Row, string Field, string Problem)> Problems(IDocument report) =>
        report.QuerySelectorAll("table.import-problems tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(cells => (int.Parse(cells[0]), cells[1], cells[2]))
            .ToList();

    // The catalogue's project links (the search box repeats the query, so the page's text would not do).
    private static IEnumerable<string> ListedTitles(IDocument catalogue) =>
        catalogue.QuerySelectorAll("main a[href^='/projects/']").Select(a => a.TextContent);

    private static async Task<IDocument> DryRunAsync(HttpClient client, string fileName, byte[] content)
    {
        using var response = await UploadAsync(client, fileName, content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The dry run answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.DocumentAsync();
    }

    private static async Task<string> ApplyAsync(HttpClient client, IDocument report)
    {
        var apply = report.QuerySelector<IHtmlFormElement>("form[action='/admin/import/apply']");
        Assert.NotNull(apply);
        using var applied = await client.SubmitAsync(apply);
        var page = await client.FollowAsync(applied);
        return page.QuerySelector(".status-message")!.TextContent;
    }

    private static async Task<HttpResponseMessage> UndoAsync(HttpClient client, int batchId)
    {
        var page = await client.GetDocumentAsync("/admin/import");
        var form = page.QuerySelector<IHtmlFormElement>($"form[action='/admin/import/{batchId}/undo']");
        Assert.NotNull(form);
        return await client.SubmitAsync(form);
    }

    [Fact]
    public async Task DryRun_WithBadRows_ReportsEachProblemByRow_AndWritesNothing()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var s = await SeededAsync(portal);
        var before = await DatabaseStateAsync(portal);

        var report = await DryRunAsync(client, "projects.csv", Csv(
            Header,
            Row("Good import row", s.Area, s.SubArea, "2021", "2022", "Bogotá", "CO"),        // row 2
            Row("Unknown area row", "Space travel", s.SubArea, "2021", "2022"),                 // row 3
            Row("Unknown sub-area row", s.Area, "Teleportation", "2021", "2022"),               // row 4
            Row("Wrong sub-area row", s.Area, s.OtherAreasSubArea, "2021", "2022"),             // row 5
            Row("Unknown country row", s.Area, s.SubArea, "2021", "2022", "", "XX"),            // row 6
            Row("Backwards years row", s.Area, s.SubArea, "2022", "2019"),                      // row 7
            Row("Far future row", s.Area, s.SubArea, "2021", "2999"),                           // row 8
            Row("", s.Area, s.SubArea, "2021", "2022"),                                         // row 9
            Row(s.ExistingTitle, s.Area, s.SubArea, s.ExistingStart.ToString(), s.ExistingStart.ToString(), "", s.ExistingCountry), // row 10
            Row("Good import row", s.Area, s.SubArea, "2021", "2023", "", "CO"),                // row 11: same as row 2
            Row("Not a year row", s.Area, s.SubArea, "soon", "2022")));                         // row 12

        var problems = Problems(report);
        Assert.Contains(problems, p => p is { Row: 3, Field: "Area" } && p.Problem.Contains("Unknown area"));
        Assert.Contains(problems, p => p is { Row: 4, Field: "Sub-area" } && p.Problem.Contains("Unknown sub-area"));
        Assert.Contains(problems, p => p is { Row: 5, Field: "Sub-area" } && p.Problem.Contains("is not in the area"));
        Assert.Contains(problems, p => p is { Row: 6, Field: "Country codes" } && p.Problem.Contains("Unknown country code"));
        Assert.Contains(problems, p => p is { Row: 7, Field: "End year" } && p.Problem.Contains("before the start year"));
        Assert.Contains(problems, p => p is { Row: 8, Field: "End year" } && p.Problem.Contains("not between 1900 and 2100"));
        Assert.Contains(problems, p => p is { Row: 9, Field: "Title" } && p.Problem.Contains("missing"));
        Assert.Contains(problems, p => p is { Row: 10, Field: "Title" } && p.Problem.Contains("already exists"));
        Assert.Contains(problems, p => p is { Row: 11, Field: "Title" } && p.Problem.Contains("row 2"));
        Assert.Contains(problems, p => p is { Row: 12, Field: "Start year" } && p.Problem.Contains("not a year"));
        Assert.DoesNotContain(problems, p => p.Row == 2);
        Assert.Equal(["2"], report.QuerySelectorAll("table.import-preview tbody tr td:first-child").Select(td => td.TextContent));
        // A file with problems offers no import at all.
        Assert.Null(report.QuerySelector("form[action='/admin/import/apply']"));
        Assert.Equal(before, await DatabaseStateAsync(portal));

        // A hand-made apply of the same content is checked again and refused.
        var content = Convert.ToBase64String(Csv(Header, Row("Unknown area row", "Space travel", s.SubArea, "2021", "2022")));
        var page = await client.GetDocumentAsync("/admin/import");
        var token = AdminHttp.FormFields(page.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!);
        using var forced = await client.PostAsync("/admin/import/apply", new FormUrlEncodedContent(
            [.. token, new("content", content), new("fileName", "forced.csv")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Equal(before, await DatabaseStateAsync(portal));
    }

    [Fact]
    public async Task Apply_PublishesTheRowsAsOneBatch_AndUndoRemovesThemFromThePublicSite()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var reader = portal.CreatePortalClient();
        var s = await SeededAsync(portal);
        var before = await portal.WithDbAsync(db => db.Projects.CountAsync());
        var versionBefore = await portal.WithDbAsync(db => db.ContentVersions.Select(v => v.Value).SingleAsync());

        var report = await DryRunAsync(client, "batch.csv", Csv(
            Header,
            Row("Quokkaimport smart bus stops", s.Area, s.SubArea, "2021", "2022", "Bogotá (Colombia); Medellín (CO)", "CO"),
            Row("=1+1 Quokkaimport formula title", s.Area, s.SubArea, "2020", "2020", "Developing countries")));
        Assert.Empty(Problems(report));
        Assert.Equal(2, report.QuerySelectorAll("table.import-preview tbody tr").Length);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Projects.CountAsync()));

        Assert.Contains("published", await ApplyAsync(client, report));
        var imported = await portal.WithDbAsync(db => db.Projects.Include(p => p.Partners).Where(p => p.Title.Contains("Quokkaimport")).ToListAsync());
        Assert.Equal(2, imported.Count);
        var bus = imported.Single(p => p.Title.StartsWith("Quokkaimport"));
        Assert.Equal([("CO", "Bogotá"), ("CO", "Medellín")], bus.Partners.OrderBy(p => p.Position).Select(p => (p.CountryCode, p.Name)));
        // Formula-like text is kept as text, and the export escapes it again.
        Assert.Contains(imported, p => p.Title == "=1+1 Quokkaimport formula title");
        var batch = await portal.WithDbAsync(db => db.ImportBatches.SingleAsync());
        Assert.Equal((2, false, "batch.csv"), (batch.ProjectCount, batch.AsDrafts, batch.FileName));
        var ids = imported.Select(p => p.Id).ToList();
        Assert.Equal(ids.Order(), await portal.WithDbAsync(db =>
            db.Revisions.Where(r => r.ImportBatchId == batch.Id && r.Action == "created").Select(r => r.EntityId).OrderBy(i => i).ToListAsync()));
        Assert.True(await portal.WithDbAsync(db => db.ContentVersions.Select(v => v.Value).SingleAsync()) > versionBefore);

        var catalogue = await reader.GetDocumentAsync("/projects?q=Quokkaimport");
        Assert.Contains(ListedTitles(catalogue), t => t.Contains("Quokkaimport smart bus stops"));
        var csv = Encoding.UTF8.GetString(await reader.GetByteArrayAsync("/projects.csv?q=Quokkaimport"));
        Assert.Contains("'=1+1 Quokkaimport formula title", csv);

        var history = await client.GetDocumentAsync("/admin/import");
        Assert.Contains($"Imported 2 projects from batch.csv by {AdminPortalFactory.AdminEmail}", history.QuerySelector(".import-batches")!.TextContent);

        using var undone = await UndoAsync(client, batch.Id);
        Assert.Contains("undone", (await client.FollowAsync(undone)).QuerySelector(".status-message")!.TextContent);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Projects.CountAsync()));
        Assert.DoesNotContain(ListedTitles(await reader.GetDocumentAsync("/projects?q=Quokkaimport")), t => t.Contains("Quokkaimport"));
        using var gone = await reader.GetAsync($"/projects/{bus.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Kind == "import-undone" && e.Detail!.Contains("batch.csv"))));
        Assert.NotNull((await portal.WithDbAsync(db => db.ImportBatches.SingleAsync())).UndoneAtUtc);

        // The same batch cannot be undone twice.
        using var again = await client.PostAsync($"/admin/import/{batch.Id}/undo",
            new FormUrlEncodedContent(AdminHttp.FormFields((await client.GetDocumentAsync("/admin/import")).QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Undo_IsRefused_WhenARowWasEditedSince_AndRemovesNothing()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var s = await SeededAsync(portal);
        var report = await DryRunAsync(client, "two.csv", Csv(
            Header,
            Row("Wombatimport first", s.Area, s.SubArea, "2021", "2022", "", "CO"),
            Row("Wombatimport second", s.Area, s.SubArea, "2021", "2022", "", "CO")));
        await ApplyAsync(client, report);
        var second = await portal.WithDbAsync(db => db.Projects.SingleAsync(p => p.Title == "Wombatimport second"));

        var form = await client.EditFormAsync($"/admin/projects/{second.Id}/edit");
        using var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Wombatimport second, edited" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var batchId = await portal.WithDbAsync(db => db.ImportBatches.Select(b => b.Id).SingleAsync());
        using var refused = await UndoAsync(client, batchId);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await refused.DocumentAsync();
        Assert.Contains("Wombatimport second, edited", page.QuerySelector(".error-summary")!.TextContent);
        Assert.DoesNotContain("Wombatimport first", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(2, await portal.WithDbAsync(db => db.Projects.CountAsync(p => p.Title.StartsWith("Wombatimport"))));
        Assert.Null((await portal.WithDbAsync(db => db.ImportBatches.SingleAsync())).UndoneAtUtc);
    }

    [Fact]
    public async Task EditorsImport_CreatesDrafts_ThatThePublicDoesNotSee()
    {
        using var portal = new AdminPortalFactory();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty((await AdminSetup.SetUserAsync(scope.ServiceProvider, "importer@example.org", "Importer-Password-77!", AdminRoles.Editor, "test")).Errors);
        }

        var editor = await portal.SignedInClientAsync("importer@example.org", "Importer-Password-77!");
        var reader = portal.CreatePortalClient();
        var s = await SeededAsync(portal);
        var projects = await portal.WithDbAsync(db => db.Projects.CountAsync());
        Assert.Contains("drafts", (await editor.GetDocumentAsync("/admin/import")).QuerySelector(".notice")!.TextContent);

        var report = await DryRunAsync(editor, "drafts.csv", Csv(Header, Row("Numbatimport draft project", s.Area, s.SubArea, "2021", "2022", "Lima", "PE")));
        Assert.Contains("drafts", await ApplyAsync(editor, report));

        Assert.Equal(projects, await portal.WithDbAsync(db => db.Projects.CountAsync()));
        var draft = await portal.WithDbAsync(db => db.Drafts.SingleAsync());
        Assert.Null(draft.EntityId);
        Assert.NotNull(draft.ImportBatchId);
        Assert.Equal("Numbatimport draft project", draft.Label);
        Assert.DoesNotContain(ListedTitles(await reader.GetDocumentAsync("/projects?q=Numbatimport")), t => t.Contains("Numbatimport"));

        // The Editor may undo their own import of drafts: the drafts go.
        using var undone = await UndoAsync(editor, draft.ImportBatchId!.Value);
        await editor.FollowAsync(undone);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task Xlsx_WithTheExportsColumns_IsReadLikeCsv_AndTheTemplateIsTheExportsHeader()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var s = await SeededAsync(portal);

        var template = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/admin/import/template.csv"));
        var export = Encoding.UTF8.GetString(await portal.CreatePortalClient().GetByteArrayAsync("/projects.csv"));
        Assert.Equal(export.Split("\r\n")[0], template.Split("\r\n")[0]);
        Assert.Equal(Header, template.TrimStart('\uFEFF').Split("\r\n")[0]);

        var columns = Header.Split(',').Select(h => new ExportColumn(h, ExportCellKind.Text, 10)).ToList();
        var workbook = XlsxExport.Write(new ExportTable("Projects", columns,
            [new object?[] { null, "Platypusimport workbook row", s.Area, s.SubArea, 2019, 2020, "Nairobi (Kenya)", "KE", null }], []), "About");
        var report = await DryRunAsync(client, "projects.xlsx", workbook);
        Assert.Empty(Problems(report));
        Assert.Contains("Platypusimport workbook row", report.QuerySelector("table.import-preview")!.TextContent);
        Assert.Contains("Nairobi (KE)", report.QuerySelector("table.import-preview")!.TextContent);
    }

    [Fact]
    public async Task BadFiles_AreRefusedWithAClearMessageAnd4xx_AndNothingIsWritten()
    {
        using var portal = new AdminPortalFactory();
        var client = await portal.SignedInClientAsync();
        var s = await SeededAsync(portal);
        var before = await DatabaseStateAsync(portal);
        var good = Row("Goodimport row", s.Area, s.SubArea, "2021", "2022");

        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1];
        var latin1 = Encoding.Latin1.GetBytes(Header + "\r\n" + Row("Bogotá café", s.Area, s.SubArea, "2021", "2022") + "\r\n");
        var tooMany = Csv([Header, .. Enumerable.Range(1, 1001).Select(i => Row($"Row {i}", s.Area, s.SubArea, "2021", "2022"))]);
        var tooBig = Csv(Header, good, "," + new string('x', ImportFile.MaxBytes));

        var cases = new (string Name, string FileName, byte[] Content, string Message)[]
        {
            ("empty", "projects.csv", [], "empty"),
            ("png renamed .csv", "projects.csv", png, "not a CSV text file"),
            ("not UTF-8", "projects.csv", latin1, "UTF-8"),
            ("zip bomb", "projects.xlsx", ZipBomb(), "unpacks to more than"),
            ("csv renamed .xlsx", "projects.xlsx", Csv(Header, good), "not an Excel workbook"),
            ("a zip that is no workbook", "projects.xlsx", Zip(("hello.txt", Encoding.UTF8.GetBytes("hello"))), "cannot be read"),
            ("wrong extension", "projects.txt", Csv(Header, good), ".csv or .xlsx"),
            ("too many rows", "projects.csv", tooMany, "at most 1000"),
            ("too big", "projects.csv", tooBig, "larger than 2 MB"),
            ("missing column", "projects.csv", Csv("Title,Area,Start year,End year", "A,B,2020,2021"), "missing the column “Sub-area”"),
            ("unknown column", "projects.csv", Csv(Header + ",Budget", good + ",100"), "unknown column “Budget”"),
            ("header only", "projects.csv", Csv(Header), "no projects"),
        };
        foreach (var (name, fileName, content, message) in cases)
        {
            using var response = await UploadAsync(client, fileName, content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: answered {(int)response.StatusCode}");
            var summary = (await Http.ParseAsync(body)).QuerySelector(".error-summary")?.TextContent ?? "";
            Assert.True(summary.Contains(message), $"{name}: the message was “{summary.Trim()}”");
            Assert.Equal(before, await DatabaseStateAsync(portal));
        }

        // A file far over the limit is stopped by the request size limit before the form is read: 413, not the action's message.
        using var huge = await UploadAsync(client, "projects.csv", new byte[ImportFile.MaxRequestBytes + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var hugeBody = await huge.Content.ReadAsStringAsync();
        Assert.Contains("could not be read", hugeBody);
        Assert.Equal(before, await DatabaseStateAsync(portal));
    }

    // A "workbook" whose one part inflates from a few kilobytes to 50 MB of zeros.
    private static byte[] ZipBomb() => Zip(("xl/worksheets/sheet1.xml", new byte[50 * 1024 * 1024]));

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }
}
