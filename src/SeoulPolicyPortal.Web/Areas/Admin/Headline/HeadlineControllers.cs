using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Headline;

public sealed class SiteTextInput : IEditInput
{
    public int Version { get; set; }

    /// <summary>Which text the form edits, for its hint; shown, never saved (the key of a row does not change).</summary>
    public string? Key { get; set; }

    [Required(ErrorMessage = "Enter the text.")]
    [StringLength(SiteText.MaxLength, ErrorMessage = "The text can be at most 400 characters.")]
    public string? Text { get; set; }
}

public sealed class FigureInput : IEditInput
{
    public int Version { get; set; }

    /// <summary>Which figure the form edits, for its hint; shown, never saved.</summary>
    public string? Key { get; set; }

    // Text rather than int, so that "71.5" or "seventy" gets this message rather than the binder's.
    [Required(ErrorMessage = "Enter the figure the source states.")]
    [RegularExpression("^[0-9]{1,9}$", ErrorMessage = "Enter the figure as a whole number of 0 or more, in digits only, like 71.")]
    public string? Value { get; set; }

    [Required(ErrorMessage = "Enter the figure’s label.")]
    [StringLength(200, ErrorMessage = "The label can be at most 200 characters.")]
    public string? Label { get; set; }

    [StringLength(60, ErrorMessage = "The date of the figure can be at most 60 characters.")]
    public string? AsOf { get; set; }
}

/// <summary>The overview's heading and opening sentence: one text each, found by key.</summary>
public sealed class SiteTextForm : EditForm<SiteText, SiteTextSnapshot, SiteTextInput>
{
    public static readonly SiteTextForm Instance = new();

    public override ContentKind<SiteText, SiteTextSnapshot> Kind => ContentKind.SiteText;
    public override string CreatedMessage => "Saved.";
    public override string View => "EditText";

    public override SiteTextInput ToInput(SiteText text) => new() { Version = text.Version, Key = text.Key, Text = text.Text };

    public override SiteTextSnapshot ToSnapshot(SiteTextInput input, bool isArchived) => new(input.Text!.Trim(), isArchived);

    // What a draft is called in the drafts list: its own words (the key in the form is only shown, never trusted).
    public override string Label(SiteTextInput input) =>
        input.Text is { Length: > 80 } text ? string.Concat(text.AsSpan(0, 79), "…") : input.Text ?? "";
}

/// <summary>A figure the source states, shown beside the portal's count: its value, label and date.</summary>
public sealed class FigureForm : EditForm<StatedFigure, FigureSnapshot, FigureInput>
{
    public static readonly FigureForm Instance = new();

    public override ContentKind<StatedFigure, FigureSnapshot> Kind => ContentKind.Figure;
    public override string CreatedMessage => "Saved.";
    public override string View => "EditFigure";

    public override FigureInput ToInput(StatedFigure f) => new()
    {
        Version = f.Version,
        Key = f.Key,
        Value = f.Value.ToString(CultureInfo.InvariantCulture),
        Label = f.Label,
        AsOf = f.AsOf,
    };

    public override FigureSnapshot ToSnapshot(FigureInput input, bool isArchived) =>
        new(int.Parse(input.Value!, NumberStyles.None, CultureInfo.InvariantCulture), input.Label!.Trim(),
            string.IsNullOrWhiteSpace(input.AsOf) ? null : input.AsOf.Trim(), isArchived);

    public override string Label(FigureInput input) => input.Label ?? "";
}

public sealed record AdminSiteTextItem(int Id, string Key, string Text, DateTime UpdatedAtUtc, string? UpdatedBy);

public sealed record AdminFigureItem(int Id, string Key, string Label, int Value, string? AsOf, DateTime UpdatedAtUtc, string? UpdatedBy);

public sealed record HeadlineViewModel(IReadOnlyList<AdminSiteTextItem> Texts, IReadOnlyList<AdminFigureItem> Figures);

/// <summary>The overview's heading, opening sentence and stated figures: one list, a form for each kind.</summary>
[Route("admin/site-texts")]
public sealed class SiteTextsController(PortalDbContext db) : EditingController<SiteText, SiteTextSnapshot, SiteTextInput>(SiteTextForm.Instance)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new HeadlineViewModel(
        await db.SiteTexts.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new AdminSiteTextItem(t.Id, t.Key, t.Text, t.UpdatedAtUtc, t.UpdatedBy)).ToListAsync(cancellationToken),
        await db.StatedFigures.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new AdminFigureItem(f.Id, f.Key, f.Label, f.Value, f.AsOf, f.UpdatedAtUtc, f.UpdatedBy)).ToListAsync(cancellationToken)));
}

[Route("admin/figures")]
public sealed class FiguresController() : EditingController<StatedFigure, FigureSnapshot, FigureInput>(FigureForm.Instance);
