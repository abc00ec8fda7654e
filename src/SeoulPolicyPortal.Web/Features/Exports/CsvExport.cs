using System.Globalization;
using CsvHelper;

namespace SeoulPolicyPortal.Web.Features.Exports;

/// <summary>
/// RFC 4180 CSV (CRLF, quotes where needed), UTF-8 with a byte-order mark so that spreadsheet programs read Korean and
/// accented names correctly. A text cell starting with = + - @, tab or CR is prefixed with ' (OWASP's CSV injection
/// rule): an editor can type anything into a title, and a spreadsheet would run it as a formula.
/// </summary>
public static class CsvExport
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Header);
            }

            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    if (cell is int number)
                    {
                        csv.WriteField(number, default);
                    }
                    else
                    {
                        csv.WriteField((string?)cell);
                    }
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }
}
