using System.Globalization;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Exports;

namespace SeoulPolicyPortal.Web.Areas.Admin.Requests;

/// <summary>
/// The inbox as CSV for reporting, written by the public downloads' <see cref="CsvExport"/> (byte-order mark, formula
/// neutralisation). Contact details (name, email) and the message are left out on purpose: they stay in the portal,
/// where the retention rule erases them; a spreadsheet on someone's laptop would keep them for ever.
/// </summary>
public static class RequestCsv
{
    private static readonly ExportColumn[] Columns =
    [
        .. new[]
        {
            "Reference", "Received (UTC)", "Status", "Area", "Country", "City", "Organisation", "Topic", "Asked about project", "Language",
            "Assigned to", "First answered (UTC)", "Closed (UTC)", "Personal data erased",
        }.Select(header => new ExportColumn(header, ExportCellKind.Text, 0)),
    ];

    public static byte[] Write(IEnumerable<RequestRow> rows) =>
        CsvExport.Write(new ExportTable("requests", Columns, rows.Select(row => new object?[]
        {
            row.Reference, Stamp(row.ReceivedAtUtc), RequestStatuses.Label(row.Status), row.AreaName, row.Country, row.City, row.Organisation,
            row.Topic, row.AboutProject, row.Language, row.AssignedTo, Stamp(row.FirstAnsweredAtUtc), Stamp(row.ClosedAtUtc), row.Erased ? "yes" : "no",
        }).ToList(), []));

    private static string? Stamp(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
