using System.Globalization;
using CsvHelper;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Requests;

/// <summary>
/// The inbox as CSV for reporting. Contact details (name, email) and the message are left out on purpose: they stay in
/// the portal, where the retention rule erases them; a spreadsheet on someone's laptop would keep them for ever.
/// </summary>
public static class RequestCsv
{
    // A cell starting with = + - @ (or tab, CR) would run as a formula in a spreadsheet: it is written as text instead.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    private static readonly string[] Header =
    [
        "Reference", "Received (UTC)", "Status", "Area", "Country", "City", "Organisation", "Topic", "Asked about project", "Language",
        "Assigned to", "First answered (UTC)", "Closed (UTC)", "Personal data erased",
    ];

    public static async Task WriteAsync(Stream output, IEnumerable<RequestRow> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync(
            [
                row.Reference, Stamp(row.ReceivedAtUtc), RequestStatuses.Label(row.Status), row.AreaName, row.Country, row.City, row.Organisation,
                row.Topic, row.AboutProject, row.Language, row.AssignedTo, Stamp(row.FirstAnsweredAtUtc), Stamp(row.ClosedAtUtc), row.Erased ? "yes" : "no",
            ], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string? Stamp(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
