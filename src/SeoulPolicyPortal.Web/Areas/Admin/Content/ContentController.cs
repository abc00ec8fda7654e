using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Content;

public sealed class ContentInput : IEditInput
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

/// <summary>An overview section's form: a heading, a slug, a position and Markdown text.</summary>
public sealed class ContentForm : EditForm<ContentSection, ContentSnapshot, ContentInput>
{
    public static readonly ContentForm Instance = new();

    public override ContentKind<ContentSection, ContentSnapshot> Kind => ContentKind.Content;
    public override string CreatedMessage => "The section was created.";
    public override string? MarkdownField => nameof(ContentInput.BodyMarkdown);


    public override ContentInput ToInput(ContentSection section) => ContentInput.From(section);

    public override ContentSnapshot ToSnapshot(ContentInput input, bool isArchived) => input.ToSnapshot(isArchived);

    public override string Label(ContentInput input) => input.Title ?? "";

    public override string? Markdown(ContentInput input) => input.BodyMarkdown;

    public override async Task ValidateAsync(EditValidation validation, ContentInput input, int? id, CancellationToken cancellationToken)
    {
        validation.Markdown(input.BodyMarkdown, nameof(input.BodyMarkdown));
        if (input.Slug is { } slug && await validation.Db.ContentSections.AnyAsync(s => s.Slug == slug.Trim() && s.Id != id, cancellationToken))
        {
            validation.Error(nameof(input.Slug), "Another section already uses this slug.");
        }
    }
}

/// <summary>The overview page's sections.</summary>
[Route("admin/content")]
public sealed class ContentController(PortalDbContext db) : EditingController<ContentSection, ContentSnapshot, ContentInput>(ContentForm.Instance)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.ContentSections.AsNoTracking().OrderBy(s => s.IsArchived).ThenBy(s => s.Position)
            .Select(s => new AdminContentItem(s.Id, s.Title, s.Slug, s.Position, s.IsArchived, s.UpdatedAtUtc, s.UpdatedBy))
            .ToListAsync(cancellationToken));
}
