namespace SeoulPolicyPortal.Web.Features.Exports;

public enum ExportCellKind
{
    Text,
    Number,
    Link,
}

public sealed record ExportColumn(string Header, ExportCellKind Kind, double Width);

/// <summary>
/// One exported view as a table: the rows of exactly what the page shows, in its order, and the lines of the About
/// sheet (source, filters, dates). Cells are strings, ints (or null) and, in link columns, absolute URLs.
/// </summary>
public sealed record ExportTable(
    string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows, IReadOnlyList<(string Label, string Value)> About);
