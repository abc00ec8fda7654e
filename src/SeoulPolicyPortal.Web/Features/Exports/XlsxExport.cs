using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Exports;

/// <summary>
/// A real workbook (Open XML SDK): the data sheet with a bold, frozen header row and an autofilter, years as numbers,
/// project addresses as hyperlinks; and an "About" sheet with the source, the filters and the dates. Text is written as
/// inline strings, never formulas, so a title that looks like a formula stays text.
/// </summary>
public static class XlsxExport
{
    private const uint HeaderStyle = 1;
    private const uint LinkStyle = 2;
    private const uint WrapStyle = 3;

    public static byte[] Write(ExportTable table, string aboutSheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            var dataPart = workbookPart.AddNewPart<WorksheetPart>();
            dataPart.Worksheet = DataSheet(table, dataPart);
            var aboutPart = workbookPart.AddNewPart<WorksheetPart>();
            aboutPart.Worksheet = AboutSheet(table.About);

            var sheetName = SheetName(table.Name);
            workbookPart.Workbook.Append(
                new Sheets(
                    new Sheet { Id = workbookPart.GetIdOfPart(dataPart), SheetId = 1, Name = sheetName },
                    new Sheet { Id = workbookPart.GetIdOfPart(aboutPart), SheetId = 2, Name = SheetName(aboutSheetName) }),
                // Excel keeps an autofilter's range in this hidden name as well as on the sheet.
                new DefinedNames(new DefinedName($"'{sheetName.Replace("'", "''")}'!$A$1:${ColumnName(table.Columns.Count - 1)}${table.Rows.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0,
                    Hidden = true,
                }));
        }

        return stream.ToArray();
    }

    private static Worksheet DataSheet(ExportTable table, WorksheetPart part)
    {
        var lastColumn = ColumnName(table.Columns.Count - 1);
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < table.Columns.Count; c++)
        {
            header.Append(TextCell(c, 1, table.Columns[c].Header, HeaderStyle));
        }

        data.Append(header);
        var hyperlinks = new Hyperlinks();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var rowIndex = (uint)r + 2;
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var value = table.Rows[r][c];
                switch (value)
                {
                    case null:
                        break;
                    case int number:
                        row.Append(new Cell
                        {
                            CellReference = Reference(c, rowIndex),
                            DataType = CellValues.Number,
                            CellValue = new CellValue(number),
                        });
                        break;
                    case string url when table.Columns[c].Kind == ExportCellKind.Link:
                        row.Append(TextCell(c, rowIndex, url, LinkStyle));
                        var relationship = part.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), true);
                        hyperlinks.Append(new Hyperlink { Reference = Reference(c, rowIndex), Id = relationship.Id });
                        break;
                    case string text:
                        row.Append(TextCell(c, rowIndex, text, 0));
                        break;
                }
            }

            data.Append(row);
        }

        // Schema order: sheetViews, cols, sheetData, autoFilter, hyperlinks.
        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            {
                TabSelected = true,
                WorkbookViewId = 0,
            }),
            Columns(table.Columns.Select(c => c.Width)),
            data,
            new AutoFilter { Reference = $"A1:{lastColumn}{table.Rows.Count + 1}" });
        if (hyperlinks.HasChildren)
        {
            worksheet.Append(hyperlinks);
        }

        return worksheet;
    }

    private static Worksheet AboutSheet(IReadOnlyList<(string Label, string Value)> lines)
    {
        var data = new SheetData();
        for (var i = 0; i < lines.Count; i++)
        {
            var rowIndex = (uint)i + 1;
            data.Append(new Row(TextCell(0, rowIndex, lines[i].Label, HeaderStyle), TextCell(1, rowIndex, lines[i].Value, WrapStyle))
            {
                RowIndex = rowIndex,
            });
        }

        return new Worksheet(Columns([24, 90]), data);
    }

    private static Columns Columns(IEnumerable<double> widths) =>
        new(widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true }));

    private static Cell TextCell(int column, uint row, string text, uint style) => new()
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
        InlineString = new InlineString(new Text(XmlSafe.Text(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var cleaned = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return cleaned.Length <= 31 ? cleaned : cleaned[..31];
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Underline(), new FontSize { Val = 11 }, new Color { Rgb = "FF0563C1" }, new FontName { Val = "Calibri" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
        new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }),
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true }),
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
}
