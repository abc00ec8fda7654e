using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Data;

/// <summary>
/// The HTML of project descriptions and overview sections is rendered once, when the Markdown is saved
/// (<see cref="PortalDbContext"/> calls <see cref="Refresh(Project)"/> for every added row or changed Markdown), and stored
/// beside it; pages read the stored HTML and never parse Markdown. The editor refuses Markdown that cannot be rendered,
/// so the stored HTML is the rendered text except for rows saved before a limit existed, which show their text escaped.
/// </summary>
public static class MarkdownHtml
{
    public static void Refresh(Project project) =>
        project.DescriptionHtml = project.DescriptionMarkdown is null ? null : MarkdownRenderer.Render(project.DescriptionMarkdown).Html;

    public static void Refresh(Translation translation) => translation.Html = MarkdownRenderer.Render(translation.Text).Html;

    public static void Refresh(ContentSection section) => section.BodyHtml = MarkdownRenderer.Render(section.BodyMarkdown).Html;

    /// <summary>
    /// Renders rows whose HTML is missing: rows from before the HTML was stored, new seed sections, and every row after a
    /// migration that clears the columns because the renderer's output changed. Run at start-up, after seeding. Version
    /// and UpdatedAtUtc stay as they are (this is not an edit); the content version's triggers see the rows change, so cached pages are rebuilt.
    /// </summary>
    public static async Task FillMissingAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.DescriptionMarkdown != null && p.DescriptionHtml == null)
            .Select(p => new { p.Id, p.DescriptionMarkdown }).ToListAsync(cancellationToken);
        var sections = await db.ContentSections.AsNoTracking().Where(s => s.BodyHtml == null)
            .Select(s => new { s.Id, s.BodyMarkdown }).ToListAsync(cancellationToken);
        if (projects.Count == 0 && sections.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var project in projects)
        {
            var html = MarkdownRenderer.Render(project.DescriptionMarkdown).Html;
            await db.Projects.Where(p => p.Id == project.Id && p.DescriptionHtml == null)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.DescriptionHtml, html), cancellationToken);
        }

        foreach (var section in sections)
        {
            var html = MarkdownRenderer.Render(section.BodyMarkdown).Html;
            await db.ContentSections.Where(s => s.Id == section.Id && s.BodyHtml == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BodyHtml, html), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
