using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Features.Graphics;

/// <summary>One row of a graphic's table: a row header (a link where there is a page for it) and its cells, already formatted.</summary>
public sealed record TableRow(string Header, IReadOnlyList<string> Cells, string? Link = null, bool Selected = false);

/// <summary>The numbers of a map or chart as a table: the alternative for anyone who cannot see or read the picture.</summary>
public sealed record FigureTable(IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, TableRow? Total = null);

/// <summary>
/// Builds a map's or chart's markup as text. Every piece of content (names come from editors) goes through
/// <see cref="Text"/> or <see cref="Attribute"/>, which encode it; only the renderers' own literals are written raw.
/// </summary>
internal sealed class MarkupWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private readonly StringBuilder _builder = new(4096);

    public MarkupWriter Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    public MarkupWriter Text(string text)
    {
        _builder.Append(Encoder.Encode(text));
        return this;
    }

    public MarkupWriter Attribute(string name, string value)
    {
        _builder.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
        return this;
    }

    public MarkupWriter Number(double value)
    {
        _builder.Append(Format(value));
        return this;
    }

    public MarkupWriter Attribute(string name, double value)
    {
        _builder.Append(' ').Append(name).Append("=\"").Append(Format(value)).Append('"');
        return this;
    }

    public static string Format(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public IHtmlContent ToHtml() => new HtmlString(_builder.ToString());

    public override string ToString() => _builder.ToString();
}

/// <summary>The frame every map and chart shares: a heading, a description, the picture, a legend, then its table.</summary>
internal static class Figure
{
    public static void Open(MarkupWriter w, string id, string title, string description, string kind)
    {
        w.Raw("<figure class=\"graphic ").Raw(kind).Raw("\"").Attribute("id", id).Attribute("aria-labelledby", id + "-title").Raw(">")
            .Raw("<figcaption><h3 class=\"graphic-title\"").Attribute("id", id + "-title").Raw(">").Text(title).Raw("</h3>")
            .Raw("<p class=\"graphic-description\"").Attribute("id", id + "-desc").Raw(">").Text(description).Raw("</p></figcaption>");
    }

    /// <summary>The table in a disclosure (a native details element: no script), so a long table does not push the page down.</summary>
    public static void Table(MarkupWriter w, string id, string caption, FigureTable table, IStringLocalizer localizer)
    {
        w.Raw("<details class=\"graphic-table\"><summary>").Text(localizer["Table: {0}", caption]).Raw("</summary>")
            .Raw("<table class=\"data-table labelled-cells\"").Attribute("id", id + "-table").Raw("><caption class=\"visually-hidden\">")
            .Text(caption).Raw("</caption><thead><tr>");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            w.Raw(i == 0 ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">").Text(table.Columns[i]).Raw("</th>");
        }

        w.Raw("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            Row(w, row, table.Columns);
        }

        w.Raw("</tbody>");
        if (table.Total is { } total)
        {
            w.Raw("<tfoot>");
            Row(w, total, table.Columns);
            w.Raw("</tfoot>");
        }

        w.Raw("</table></details>");
    }

    private static void Row(MarkupWriter w, TableRow row, IReadOnlyList<string> columns)
    {
        w.Raw(row.Selected ? "<tr class=\"selected\"><th scope=\"row\">" : "<tr><th scope=\"row\">");
        if (row.Link is not null)
        {
            w.Raw("<a").Attribute("href", row.Link).Raw(">").Text(row.Header).Raw("</a>");
        }
        else
        {
            w.Text(row.Header);
        }

        w.Raw("</th>");
        for (var i = 0; i < row.Cells.Count; i++)
        {
            // On a phone the table stacks; each cell then shows its column's name (site.css, data-label).
            w.Raw("<td class=\"num\"").Attribute("data-label", columns[i + 1]).Raw(">").Text(row.Cells[i]).Raw("</td>");
        }

        w.Raw("</tr>");
    }

    public static void Close(MarkupWriter w) => w.Raw("</figure>");
}
