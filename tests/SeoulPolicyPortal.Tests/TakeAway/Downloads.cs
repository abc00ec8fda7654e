using System.Net;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace SeoulPolicyPortal.Tests.TakeAway;

/// <summary>A downloaded file read back with the libraries a reader's own program would use.</summary>
public static class Downloads
{
    public static async Task<byte[]> GetFileAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The header and every record, as strings.</summary>
    public static (IReadOnlyList<string> Header, List<string[]> Rows) ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        }

        return (reader.Headers.ToList(), rows);
    }

    public sealed record Workbook(
        IReadOnlyList<string> SheetNames, List<List<Cell>> DataRows, IReadOnlyList<string> Header, IReadOnlyDictionary<string, string> About,
        string? FrozenTopLeft, string? AutoFilter, IReadOnlyDictionary<string, string> Hyperlinks, IReadOnlyList<string> ValidationErrors);

    /// <summary>Opens a workbook with the Open XML SDK, checks it against the schema, and reads both sheets.</summary>
    public static Workbook ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var workbookPart = document.WorkbookPart!;
        var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        WorksheetPart Part(Sheet sheet) => (WorksheetPart)workbookPart.GetPartById(sheet.Id!);

        var data = Part(sheets[0]);
        var rows = data.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        var header = rows[0].Select(Text).ToList();
        var hyperlinks = data.Worksheet.Descendants<Hyperlink>().ToDictionary(
            h => h.Reference!.Value!, h => data.HyperlinkRelationships.Single(r => r.Id == h.Id).Uri.ToString());
        var about = Part(sheets[1]).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(Text).ToList())
            .ToDictionary(cells => cells[0], cells => cells[1]);
        return new Workbook(sheets.Select(s => s.Name!.Value!).ToList(), rows.Skip(1).ToList(), header, about,
            data.Worksheet.Descendants<Pane>().SingleOrDefault(p => p.State?.Value == PaneStateValues.Frozen)?.TopLeftCell?.Value,
            data.Worksheet.Descendants<AutoFilter>().SingleOrDefault()?.Reference?.Value, hyperlinks, errors);
    }

    public static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
