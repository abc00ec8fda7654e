using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Features.Graphics;

/// <summary>One year: the projects active in it, in total and per row of the timeline.</summary>
public sealed record TimelineYear(int Year, int Total, IReadOnlyList<int> PerRow, bool Selected);

/// <summary>A row of small bars under the total, with what its label says about it ("Transportation", "36 projects").</summary>
public sealed record TimelineRow(string Label, string Summary);

public sealed record TimelineModel(
    string Id, string Title, string Description, string TotalLabel, IReadOnlyList<TimelineYear> Years, IReadOnlyList<TimelineRow> Rows);

/// <summary>
/// Projects active per year: a column chart of the total with each number written on its column, then one small row
/// per area on a shared scale (small multiples: each area has its own labelled row, so no colour has to be told
/// apart), years along the bottom, and a table of every number.
/// </summary>
public static class Timeline
{
    private const double Width = 440, Left = 26, Right = 4, TotalHeight = 96, RowHeight = 26;

    public static IHtmlContent Render(TimelineModel model, IStringLocalizer localizer)
    {
        var w = new MarkupWriter();
        Figure.Open(w, model.Id, model.Title, model.Description, "timeline-figure");
        if (model.Years.Count == 0)
        {
            Figure.Close(w);
            return w.ToHtml();
        }

        var slot = (Width - Left - Right) / model.Years.Count;
        var bar = Math.Max(slot * 0.72, 1);
        double X(int index) => Left + index * slot + (slot - bar) / 2;

        var body = new MarkupWriter();
        var totalMax = BarChart.NiceMax(model.Years.Max(y => y.Total));
        var top = 30.0;
        body.Raw("<text class=\"row-label total\" x=\"0\" y=\"14\">").Text(model.TotalLabel).Raw("</text>");

        var bottom = top + TotalHeight;
        for (var tick = 0; tick <= totalMax; tick += BarChart.Step(totalMax))
        {
            var ty = bottom - tick * TotalHeight / totalMax;
            body.Raw("<path class=\"grid\"").Attribute("d", $"M{MarkupWriter.Format(Left)} {MarkupWriter.Format(ty)}H{MarkupWriter.Format(Width - Right)}").Raw("/>")
                .Raw("<text class=\"tick\" text-anchor=\"end\"").Attribute("x", Left - 4).Attribute("y", ty + 4).Raw(">").Text(tick.ToString("N0")).Raw("</text>");
        }

        var labelled = slot >= 13;
        var rowsBottom = bottom + 10 + model.Rows.Count * (18 + RowHeight + 6);
        for (var i = 0; i < model.Years.Count; i++)
        {
            var year = model.Years[i];
            if (year.Selected)
            {
                body.Raw("<rect class=\"selected-year\"").Attribute("x", Left + i * slot).Attribute("y", top - 4).Attribute("width", slot)
                    .Attribute("height", rowsBottom - top + 4).Raw("/>");
            }

            if (year.Total == 0)
            {
                continue;
            }

            var height = year.Total * TotalHeight / totalMax;
            body.Raw("<rect class=\"bar\"").Attribute("x", X(i)).Attribute("y", bottom - height).Attribute("width", bar).Attribute("height", height).Raw("/>");
            if (labelled)
            {
                body.Raw("<text class=\"bar-number\" text-anchor=\"middle\"").Attribute("x", X(i) + bar / 2).Attribute("y", bottom - height - 3).Raw(">")
                    .Text(year.Total.ToString("N0")).Raw("</text>");
            }
        }

        body.Raw("<path class=\"axis\"").Attribute("d", $"M{MarkupWriter.Format(Left)} {MarkupWriter.Format(bottom)}H{MarkupWriter.Format(Width - Right)}").Raw("/>");

        var y = bottom + 10;
        var rowMax = Math.Max(1, model.Years.SelectMany(t => t.PerRow).DefaultIfEmpty(0).Max());
        for (var r = 0; r < model.Rows.Count; r++)
        {
            var row = model.Rows[r];
            body.Raw("<text class=\"row-label\" x=\"0\"").Attribute("y", y + 13).Raw(">").Text(row.Label).Raw("</text>")
                .Raw("<text class=\"row-summary\" text-anchor=\"end\"").Attribute("x", Width - Right).Attribute("y", y + 13).Raw(">").Text(row.Summary).Raw("</text>");
            var rowBottom = y + 18 + RowHeight;
            for (var i = 0; i < model.Years.Count; i++)
            {
                var count = model.Years[i].PerRow[r];
                if (count > 0)
                {
                    var height = count * RowHeight / rowMax;
                    body.Raw("<rect class=\"bar small\"").Attribute("x", X(i)).Attribute("y", rowBottom - height).Attribute("width", bar)
                        .Attribute("height", height).Raw("/>");
                }
            }

            body.Raw("<path class=\"baseline\"").Attribute("d", $"M{MarkupWriter.Format(Left)} {MarkupWriter.Format(rowBottom)}H{MarkupWriter.Format(Width - Right)}").Raw("/>");
            y = rowBottom + 6;
        }

        // Years along the bottom: every year ticked, as many labelled as fit.
        var every = (int)Math.Ceiling(30 / slot);
        every = every <= 1 ? 1 : every <= 2 ? 2 : every <= 5 ? 5 : 10;
        var axisY = y + 2;
        for (var i = 0; i < model.Years.Count; i++)
        {
            var cx = Left + i * slot + slot / 2;
            body.Raw("<path class=\"axis\"").Attribute("d", $"M{MarkupWriter.Format(cx)} {MarkupWriter.Format(axisY - 4)}v4").Raw("/>");
            if (model.Years[i].Year % every == 0 || model.Years[i].Selected)
            {
                body.Raw(model.Years[i].Selected ? "<text class=\"tick selected\" text-anchor=\"middle\"" : "<text class=\"tick\" text-anchor=\"middle\"")
                    .Attribute("x", cx).Attribute("y", axisY + 13).Raw(">").Text(model.Years[i].Year.ToString(CultureInfo.InvariantCulture)).Raw("</text>");
            }
        }

        w.Raw("<svg class=\"chart timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
            .Attribute("viewBox", $"0 0 {MarkupWriter.Format(Width)} {MarkupWriter.Format(axisY + 20)}")
            .Attribute("aria-labelledby", model.Id + "-title").Attribute("aria-describedby", model.Id + "-desc").Raw(">")
            .Raw(body.ToString()).Raw("</svg>");

        var columns = new List<string> { localizer["Year"], model.TotalLabel };
        columns.AddRange(model.Rows.Select(r => r.Label));
        var rows = model.Years.Select(year => new TableRow(
            year.Year.ToString(CultureInfo.InvariantCulture),
            [year.Total.ToString("N0"), .. year.PerRow.Select(v => v.ToString("N0"))],
            Selected: year.Selected)).ToList();
        Figure.Table(w, model.Id, model.Title, new FigureTable(columns, rows), localizer);
        Figure.Close(w);
        return w.ToHtml();
    }
}
