using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Features.Graphics;

/// <summary>One kind of thing a bar counts; a second series is drawn hatched so that it differs in more than colour.</summary>
/// <param name="Format">How one number of the series is said under its bar, "{0}" or "{0} sister".</param>
public sealed record BarSeries(string Name, string Format);

/// <summary>A bar: one number per series, stacked, and the number the source declares for the whole bar, if any.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<int> Values, int? Declared = null, bool Selected = false);

public sealed record BarChartModel(
    string Id,
    string Title,
    string Description,
    string Category,
    string Measure,
    IReadOnlyList<BarSeries> Series,
    IReadOnlyList<ChartBar> Bars,
    TableRow? Total = null);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: a category's name above its bar, its numbers written out beside
/// it, the source's declared count as a mark across the bar, a scale along the bottom, and a table with every number.
/// Labels sit above the bars rather than beside them so that they stay readable when the chart shrinks on a phone.
/// </summary>
public static class BarChart
{
    public const double Width = 440;
    private const double LabelSize = 15, SmallSize = 13, Track = 16;

    public static IHtmlContent Render(BarChartModel model, IStringLocalizer localizer)
    {
        var max = NiceMax(model.Bars.Select(b => Math.Max(b.Values.Sum(), b.Declared ?? 0)).DefaultIfEmpty(0).Max());
        var plot = Width - 8;
        double Scale(int value) => value * plot / max;

        var w = new MarkupWriter();
        Figure.Open(w, model.Id, model.Title, model.Description, "chart-figure");
        var body = new MarkupWriter();
        var y = 4.0;
        foreach (var bar in model.Bars)
        {
            var summary = Summary(model, bar, localizer);
            var sameLine = TextWidth(bar.Label, LabelSize) + TextWidth(summary, SmallSize) + 24 < Width;
            body.Raw(bar.Selected ? "<g class=\"bar-row selected\">" : "<g class=\"bar-row\">")
                .Raw("<text class=\"bar-label\" x=\"0\"").Attribute("y", y + LabelSize).Raw(">").Text(bar.Label).Raw("</text>");
            if (sameLine)
            {
                body.Raw("<text class=\"bar-value\" text-anchor=\"end\"").Attribute("x", Width).Attribute("y", y + LabelSize).Raw(">").Text(summary).Raw("</text>");
                y += LabelSize + 6;
            }
            else
            {
                body.Raw("<text class=\"bar-value\" x=\"0\"").Attribute("y", y + LabelSize + SmallSize + 5).Raw(">").Text(summary).Raw("</text>");
                y += LabelSize + SmallSize + 11;
            }

            body.Raw("<rect class=\"bar-track\" x=\"0\"").Attribute("y", y).Attribute("width", plot).Attribute("height", Track).Raw("/>");
            var x = 0.0;
            for (var i = 0; i < bar.Values.Count; i++)
            {
                var length = Scale(bar.Values[i]);
                if (length > 0)
                {
                    body.Raw(i == 0 ? "<rect class=\"bar\"" : "<rect class=\"bar hatched\"")
                        .Attribute("x", x).Attribute("y", y).Attribute("width", length).Attribute("height", Track);
                    if (i > 0)
                    {
                        body.Attribute("fill", $"url(#{model.Id}-hatch)");
                    }

                    body.Raw("/>");
                }

                x += length;
            }

            if (bar.Declared is { } declared)
            {
                var at = Scale(declared);
                body.Raw("<path class=\"declared-mark\"").Attribute("d", $"M{MarkupWriter.Format(at)} {MarkupWriter.Format(y - 5)}v{MarkupWriter.Format(Track + 10)}").Raw("/>");
            }

            body.Raw("</g>");
            y += Track + 14;
        }

        var axisTop = y;
        var step = Step(max);
        for (var tick = 0; tick <= max; tick += step)
        {
            var tx = Scale(tick);
            body.Raw("<path class=\"grid\"").Attribute("d", $"M{MarkupWriter.Format(tx)} 4V{MarkupWriter.Format(axisTop)}").Raw("/>")
                .Raw("<text class=\"tick\"").Attribute("x", tx).Attribute("y", axisTop + SmallSize + 4)
                .Attribute("text-anchor", tick == 0 ? "start" : tick == max ? "end" : "middle").Raw(">").Text(tick.ToString("N0")).Raw("</text>");
        }

        body.Raw("<path class=\"axis\"").Attribute("d", $"M0 {MarkupWriter.Format(axisTop)}H{MarkupWriter.Format(plot)}").Raw("/>")
            .Raw("<text class=\"axis-title\" text-anchor=\"middle\"").Attribute("x", plot / 2).Attribute("y", axisTop + 2 * SmallSize + 12).Raw(">")
            .Text(model.Measure).Raw("</text>");
        var height = axisTop + 2 * SmallSize + 18;

        w.Raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"").Attribute("viewBox", $"0 0 {MarkupWriter.Format(Width)} {MarkupWriter.Format(height)}")
            .Attribute("aria-labelledby", model.Id + "-title").Attribute("aria-describedby", model.Id + "-desc").Raw(">");
        if (model.Series.Count > 1)
        {
            Hatch(w, model.Id);
        }

        w.Raw(body.ToString()).Raw("</svg>");
        Legend(w, model, localizer);
        Figure.Table(w, model.Id, model.Title, Table(model, localizer), localizer);
        Figure.Close(w);
        return w.ToHtml();
    }

    internal static void Hatch(MarkupWriter w, string id) =>
        w.Raw("<defs><pattern patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"").Attribute("id", id + "-hatch")
            .Raw("><rect class=\"hatch-back\" width=\"6\" height=\"6\"/><rect class=\"hatch-line\" width=\"2.5\" height=\"6\"/></pattern></defs>");

    /// <summary>A rough width of a line of system-font text, to decide whether two texts share a line.</summary>
    internal static double TextWidth(string text, double size) => text.Length * size * 0.56;

    /// <summary>The top of the scale: the largest value rounded up to a whole step.</summary>
    internal static int NiceMax(int value)
    {
        var step = Step(value);
        return Math.Max(step, (value + step - 1) / step * step);
    }

    /// <summary>The scale's step: 1, 2 or 5 times a power of ten, so that there are at most six steps.</summary>
    internal static int Step(int max)
    {
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var step in new[] { magnitude, 2 * magnitude, 5 * magnitude })
            {
                if ((max + step - 1) / step <= 6)
                {
                    return step;
                }
            }
        }
    }

    private static string Summary(BarChartModel model, ChartBar bar, IStringLocalizer localizer)
    {
        if (model.Series.Count == 1)
        {
            var count = bar.Values[0].ToString("N0");
            return bar.Declared is { } declared ? localizer["{0} listed · {1} declared", count, declared.ToString("N0")]
                : model.Bars.Any(b => b.Declared is not null) ? localizer["{0} listed · no count in the source", count]
                : count;
        }

        var parts = string.Join(" + ", bar.Values.Select((v, i) => localizer[model.Series[i].Format, v.ToString("N0")].Value));
        return bar.Declared is { } total ? localizer["{0} · {1} declared", parts, total.ToString("N0")] : parts;
    }

    private static void Legend(MarkupWriter w, BarChartModel model, IStringLocalizer localizer)
    {
        var declared = model.Bars.Any(b => b.Declared is not null);
        if (model.Series.Count < 2 && !declared)
        {
            return;
        }

        w.Raw("<ul class=\"legend-list chart-legend\">");
        if (model.Series.Count > 1)
        {
            for (var i = 0; i < model.Series.Count; i++)
            {
                w.Raw("<li><svg class=\"swatch\" viewBox=\"0 0 20 14\" aria-hidden=\"true\">");
                if (i == 0)
                {
                    w.Raw("<rect class=\"bar\" width=\"20\" height=\"14\"/>");
                }
                else
                {
                    Hatch(w, $"{model.Id}-legend");
                    w.Raw("<rect class=\"bar hatched\" width=\"20\" height=\"14\"").Attribute("fill", $"url(#{model.Id}-legend-hatch)").Raw("/>");
                }

                w.Raw("</svg>").Text(model.Series[i].Name).Raw("</li>");
            }
        }

        if (declared)
        {
            w.Raw("<li><svg class=\"swatch\" viewBox=\"0 0 20 14\" aria-hidden=\"true\"><path class=\"declared-mark\" d=\"M10 0v14\"/></svg>")
                .Text(localizer["The count the source document declares"]).Raw("</li>");
        }

        w.Raw("</ul>");
    }

    private static FigureTable Table(BarChartModel model, IStringLocalizer localizer)
    {
        var declared = model.Bars.Any(b => b.Declared is not null);
        var columns = new List<string> { model.Category };
        columns.AddRange(model.Series.Select(s => s.Name));
        if (model.Series.Count > 1)
        {
            columns.Add(localizer["Listed"]);
        }

        if (declared)
        {
            columns.Add(localizer["Declared in the source"]);
        }

        var rows = model.Bars.Select(bar =>
        {
            var cells = bar.Values.Select(v => v.ToString("N0")).ToList();
            if (model.Series.Count > 1)
            {
                cells.Add(bar.Values.Sum().ToString("N0"));
            }

            if (declared)
            {
                cells.Add(bar.Declared?.ToString("N0") ?? localizer["not stated"]);
            }

            return new TableRow(bar.Label, cells, Selected: bar.Selected);
        }).ToList();
        return new FigureTable(columns, rows, model.Total);
    }
}
