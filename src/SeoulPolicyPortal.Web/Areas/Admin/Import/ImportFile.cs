using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SeoulPolicyPortal.Web.Areas.Admin.Import;

/// <summary>A problem with the file as a whole: an English message (a key of SharedResource) and its arguments.</summary>
public sealed record FileProblem(string Message, params object[] Arguments);

/// <summary>One line of the sheet below the header: its number as the editor's spreadsheet shows it, and its cells.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

public sealed record Sheet(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Reads an uploaded CSV or XLSX into rows of text, refusing what is not one: the content decides, not the name, so a
/// PNG renamed .csv or a zip bomb renamed .xlsx is turned away before anything parses it.
/// </summary>
public static class ImportFile
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 1000;

    /// <summary>What an import request may carry: the file, or on apply the checked file base64- and form-encoded (2 MB become about 2.9 MB).</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    // A workbook is a zip: its parts' declared sizes are checked before anything is inflated, and the Open XML SDK stops
    // reading a part after MaxCharactersInPart, so a part that lies about its size is cut off too.
    private const long MaxUnzippedBytes = 20 * 1024 * 1024;
    private const int MaxZipEntries = 100;
    private const long MaxCharactersInPart = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (Sheet? Sheet, FileProblem? Problem) Read(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, new FileProblem("The file is empty."));
        }

        if (content.Length > MaxBytes)
        {
            return (null, new FileProblem("The file is larger than {0} MB. Split it into several files.", MaxBytes / (1024 * 1024)));
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        var (sheet, problem) = extension switch
        {
            ".csv" when isZip => (null, new FileProblem("This file is not a CSV file. Save the sheet as “CSV UTF-8” and upload that file.")),
            ".csv" => ReadCsv(content),
            ".xlsx" when !isZip => (null, new FileProblem("This file is not an Excel workbook (.xlsx). Save the sheet as .xlsx or as “CSV UTF-8”.")),
            ".xlsx" => ReadXlsx(content),
            _ => (null, new FileProblem("Upload a .csv or .xlsx file.")),
        };
        if (problem is not null)
        {
            return (null, problem);
        }

        if (sheet!.Header.All(string.IsNullOrWhiteSpace))
        {
            return (null, new FileProblem("The file has no header row. Start from the template."));
        }

        return sheet.Rows.Count > MaxRows
            ? (null, new FileProblem("The file has {0} rows; at most {1} can be imported at once. Split it into several files.", sheet.Rows.Count, MaxRows))
            : (sheet, null);
    }

    private static (Sheet?, FileProblem?) ReadCsv(byte[] content)
    {
        // Text has no NUL bytes and no control characters but tab and line ends; an image or a PDF has plenty.
        if (content.Take(4096).Any(b => b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n')))
        {
            return (null, new FileProblem("This file is not a CSV text file. Save the sheet as “CSV UTF-8” and upload that file."));
        }

        string text;
        try
        {
            var offset = content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            text = StrictUtf8.GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return (null, new FileProblem("The file is not in UTF-8, so accented and Korean letters would be garbled. In your spreadsheet program, save it as “CSV UTF-8” and upload it again."));
        }

        try
        {
            return Collect(CsvLines(text));
        }
        catch (CsvFormatException exception)
        {
            return (null, new FileProblem("The CSV file cannot be read: {0}", exception.Message));
        }
    }

    private static IEnumerable<(int Number, List<string> Cells)> CsvLines(string text)
    {
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false });
        var number = 0;
        while (reader.Read())
        {
            var cells = new List<string>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(reader.GetString(i));
            }

            yield return (++number, cells);
        }
    }

    /// <summary>The first line is the header; blank lines are skipped; reading stops one row past the limit.</summary>
    private static (Sheet?, FileProblem?) Collect(IEnumerable<(int Number, List<string> Cells)> lines)
    {
        List<string>? header = null;
        var rows = new List<SheetRow>();
        foreach (var (number, cells) in lines)
        {
            if (header is null)
            {
                header = cells;
            }
            else if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                rows.Add(new SheetRow(number, cells));
            }

            if (rows.Count > MaxRows)
            {
                break;
            }
        }

        return header is null ? (null, new FileProblem("The file is empty.")) : (new Sheet(header, rows), null);
    }

    private static (Sheet?, FileProblem?) ReadXlsx(byte[] content)
    {
        var unreadable = new FileProblem("This workbook cannot be read. Save it again as .xlsx, or as “CSV UTF-8”, and upload that file.");
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > MaxZipEntries || zip.Entries.Sum(e => e.Length) > MaxUnzippedBytes)
                {
                    return (null, new FileProblem("This workbook unpacks to more than {0} MB. Remove the other sheets and pictures, or save it as “CSV UTF-8”.", MaxUnzippedBytes / (1024 * 1024)));
                }
            }

            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                return (null, unreadable);
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(Text).ToList() ?? [];
            return Collect(XlsxLines(part, shared));
        }
        catch (Exception exception) when (exception is InvalidDataException or OpenXmlPackageException or IOException
                                              or System.Xml.XmlException or InvalidOperationException or ArgumentException
                                              or FormatException or KeyNotFoundException)
        {
            return (null, unreadable);
        }
    }

    private static IEnumerable<(int Number, List<string> Cells)> XlsxLines(WorksheetPart part, List<string> shared)
    {
        foreach (var row in part.Worksheet.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (column > 200)
                {
                    throw new InvalidDataException("A cell lies beyond the 200th column.");
                }

                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Value(cell, shared));
            }

            yield return ((int)(row.RowIndex?.Value ?? 0), cells);
        }
    }

    private static string Text(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    // A formula cell gives its last computed value: a workbook's formulas are never run here.
    private static string Value(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.Text?.Text ?? string.Concat(cell.InlineString?.Elements<Run>().Select(r => r.Text?.Text) ?? []);
        }

        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index >= 0 && index < shared.Count ? shared[index] : "";
        }

        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > 1000)
            {
                break;
            }
        }

        return index - 1;
    }
}
