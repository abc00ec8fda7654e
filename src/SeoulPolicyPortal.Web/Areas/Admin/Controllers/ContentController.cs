using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Controllers;

public sealed class ContentInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the section’s heading.")]
    [StringLength(200, ErrorMessage = "The heading can be at most 200 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter the address name (slug).")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens, like urban-planning.")]
    [StringLength(100, ErrorMessage = "The slug can be at most 100 characters.")]
    public string? Slug { get; set; }

    [Range(0, 1000, ErrorMessage = "Enter a position from 0 to 1,000.")]
    public int Position { get; set; }

    [Required(ErrorMessage = "Write the section’s text.")]
    [StringLength(50_000, ErrorMessage = "The text can be at most 50,000 characters.")]
    public string? BodyMarkdown { get; set; }

    public static ContentInput From(ContentSection s) => new()
    {
        Version = s.Version,
        Title = s.Title,
        Slug = s.Slug,
        Position = s.Position,
        BodyMarkdown = s.BodyMarkdown,
    };

    public ContentSnapshot ToSnapshot(bool isArchived) =>
        new(Slug!.Trim(), Title!.Trim(), BodyMarkdown!.Replace("\r\n", "\n"), Position, isArchived);
}

public sealed record AdminContentItem(int Id, string Title, string Slug, int Position, bool IsArchived, DateTime UpdatedAtUtc, string? UpdatedBy);

/// <summary>The overview page's sections.</summary>
[Route("admin/content")]
public sealed class ContentController(PortalDbContext db, AdminQueries queries, ContentEditor editor) : AdminController
{
    private static ContentKind Kind => ContentKind.Content;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.ContentSections.AsNoTracking().OrderBy(s => s.IsArchived).ThenBy(s => s.Position)
            .Select(s => new AdminContentItem(s.Id, s.Title, s.Slug, s.Position, s.IsArchived, s.UpdatedAtUtc, s.UpdatedBy))
            .ToListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await PageAsync(new EditorState(Kind, null, "", false), new ContentInput(), cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] ContentInput input, string? command, CancellationToken cancellationToken)
    {
        var state = new EditorState(Kind, null, input.Title ?? "", false);
        if (!IsSave(command))
        {
            return View("Edit", await PreviewAsync(state, input, cancellationToken));
        }

        if (!await ValidateAsync(input, null, cancellationToken))
        {
            return View("Edit", await PageAsync(state, input, cancellationToken));
        }

        var section = new ContentSection { Slug = "", Title = "", BodyMarkdown = "" };
        ContentKind.Content.Apply(section, input.ToSnapshot(isArchived: false));
        db.ContentSections.Add(section);
        await editor.SaveAsync(Kind, section, RevisionActions.Created, null, null, CurrentUser, cancellationToken);
        TempData["Status"] = "The section was created.";
        return RedirectToAction(nameof(Edit), new { id = section.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var section = await db.ContentSections.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return section is null
            ? NotFound()
            : View(await PageAsync(EditorState.For(Kind, section, section.Title), ContentInput.From(section), cancellationToken));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = InputPrefix)] ContentInput input, string? command, CancellationToken cancellationToken)
    {
        var section = await db.ContentSections.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }

        var state = EditorState.For(Kind, section, section.Title);
        if (!IsSave(command))
        {
            return View(await PreviewAsync(state, input, cancellationToken));
        }

        if (!await ValidateAsync(input, id, cancellationToken))
        {
            return View(await PageAsync(state, input, cancellationToken));
        }

        var before = Kind.SnapshotJson(section);
        ContentKind.Content.Apply(section, input.ToSnapshot(section.IsArchived));
        try
        {
            await editor.SaveAsync(Kind, section, RevisionActions.Edited, before, input.Version, CurrentUser, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ContentSections.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
            var conflict = await ConflictWithAsync(Kind, current, input.ToSnapshot(current.IsArchived), cancellationToken);
            input.Version = current.Version;
            return View(await PageAsync(EditorState.For(Kind, current, current.Title) with { Conflict = conflict }, input, cancellationToken));
        }

        TempData["Status"] = "Saved. Readers see the change now.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<EditPage<ContentInput>> PreviewAsync(EditorState state, ContentInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await PageAsync(state with { PreviewHtml = RenderMarkdown(input.BodyMarkdown, nameof(input.BodyMarkdown)) }, input, cancellationToken);
    }

    private async Task<bool> ValidateAsync(ContentInput input, int? id, CancellationToken cancellationToken)
    {
        RenderMarkdown(input.BodyMarkdown, nameof(input.BodyMarkdown));
        if (input.Slug is { } slug && await db.ContentSections.AnyAsync(s => s.Slug == slug.Trim() && s.Id != id, cancellationToken))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.Slug)}", T["Another section already uses this slug."]);
        }

        return ModelState.IsValid;
    }

    private async Task<EditPage<ContentInput>> PageAsync(EditorState state, ContentInput input, CancellationToken cancellationToken) =>
        new(state, input, await queries.LookupsAsync(cancellationToken));
}
