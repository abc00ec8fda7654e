using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Exports;

namespace SeoulPolicyPortal.Web.Areas.Admin.Import;

public sealed record ImportBatchItem(
    int Id, string FileName, string ImportedBy, DateTime ImportedAtUtc, int ProjectCount, bool AsDrafts, DateTime? UndoneAtUtc, string? UndoneBy);

/// <summary>The upload form, the columns and limits, and the recent imports; <see cref="Refused"/> names what blocked an undo.</summary>
public sealed record ImportPageViewModel(IReadOnlyList<ImportBatchItem> Batches, bool Publishes, string? FileProblem, UndoRefusal? Refused);

public sealed record UndoRefusal(int BatchId, IReadOnlyList<string> Changed);

/// <summary>A dry run's report. <see cref="Content"/> is the checked file (base64), sent back by the apply form.</summary>
public sealed record ImportReportViewModel(string FileName, string Content, ImportCheck Check, bool Publishes, bool Refused);

/// <summary>
/// Spreadsheet import of projects. Nothing is kept between the dry run and the apply: the report page carries the checked
/// file back, and apply checks it again against the database of that moment, so a stale report cannot import anything
/// the current check would refuse.
/// </summary>
[Route("admin/import")]
[RequestSizeLimit(ImportFile.MaxRequestBytes)]
public sealed class ImportController(PortalDbContext db, ProjectImport import) : AdminController
{
    private bool Publishes => User.IsInRole(AdminRoles.Publisher) || User.IsInRole(AdminRoles.Admin);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(null, null, cancellationToken));

    [HttpGet("template.{format:regex(^(csv|xlsx)$)}")]
    public IActionResult Template(string format)
    {
        var table = ProjectExport.Table([], T, []);
        return format == "csv"
            ? File(CsvExport.Write(table), "text/csv; charset=utf-8", "projects-template.csv")
            : File(XlsxExport.Write(table, T["About"]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "projects-template.xlsx");
    }

    // The request limit (ImportFile.MaxRequestBytes, applied by Hardening before the form is read) leaves room for the
    // multipart envelope; the file's own limit is checked here, so a file just over it gets a message, not a 413.
    [HttpPost("check")]
    public async Task<IActionResult> Check(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return await RefuseFileAsync(file is null ? new FileProblem("Choose a file to check.") : new FileProblem("The file is empty."), cancellationToken);
        }

        if (file.Length > ImportFile.MaxBytes)
        {
            return await RefuseFileAsync(new FileProblem("The file is larger than {0} MB. Split it into several files.", ImportFile.MaxBytes / (1024 * 1024)),
                cancellationToken);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var fileName = CleanFileName(file.FileName);
        var check = await import.CheckAsync(fileName, content, T, cancellationToken);
        return check.FileProblem is { } problem
            ? await RefuseFileAsync(problem, cancellationToken)
            : View("Report", new ImportReportViewModel(fileName, Convert.ToBase64String(content), check, Publishes, Refused: false));
    }

    // The checked file comes back base64-encoded: 2 MB become 2.7 MB, within the default 4 MB a form value may have.
    [HttpPost("apply")]
    public async Task<IActionResult> Apply(string? content, string? fileName, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }

        var name = CleanFileName(fileName);
        var check = await import.CheckAsync(name, bytes, T, cancellationToken);
        if (check.FileProblem is { } problem)
        {
            return await RefuseFileAsync(problem, cancellationToken);
        }

        if (!check.IsClean)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Report", new ImportReportViewModel(name, Convert.ToBase64String(bytes), check, Publishes, Refused: true));
        }

        var batch = await import.ApplyAsync(name, check.Projects, asDrafts: !Publishes, CurrentUser, cancellationToken);
        Status.Set(batch.AsDrafts
            ? "Imported as drafts. Readers see none of them until a Publisher or an Admin publishes them."
            : "Imported and published. Readers see the new projects now.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// Undoing an import that was published removes public projects, so it takes a Publisher or an Admin; an import of
    /// drafts may also be undone by the Editor who made it.
    /// </summary>
    [HttpPost("{id:int}/undo")]
    public async Task<IActionResult> Undo(int id, CancellationToken cancellationToken)
    {
        var batch = await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return NotFound();
        }

        if (!Publishes && !(batch.AsDrafts && batch.ImportedBy == CurrentUser))
        {
            return Forbid();
        }

        var (outcome, changed) = await import.UndoAsync(id, CurrentUser, cancellationToken);
        switch (outcome)
        {
            case UndoOutcome.NotFound:
                return NotFound();
            case UndoOutcome.AlreadyUndone:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(nameof(Index), await PageAsync(null, new UndoRefusal(id, []), cancellationToken));
            case UndoOutcome.ChangedSince:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(nameof(Index), await PageAsync(null, new UndoRefusal(id, changed), cancellationToken));
        }

        Status.Set("The import was undone: its projects were removed.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> RefuseFileAsync(FileProblem problem, CancellationToken cancellationToken)
    {
        Response.StatusCode = problem.Message.StartsWith("The file is larger", StringComparison.Ordinal)
            ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status400BadRequest;
        return View(nameof(Index), await PageAsync(T[problem.Message, problem.Arguments], null, cancellationToken));
    }

    private async Task<ImportPageViewModel> PageAsync(string? fileProblem, UndoRefusal? refused, CancellationToken cancellationToken) =>
        new(await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(20)
                .Select(b => new ImportBatchItem(b.Id, b.FileName, b.ImportedBy, b.ImportedAtUtc, b.ProjectCount, b.AsDrafts, b.UndoneAtUtc, b.UndoneBy))
                .ToListAsync(cancellationToken),
            Publishes, fileProblem, refused);

    // The name is only shown and recorded: no path, no control characters, a sane length.
    private static string CleanFileName(string? name)
    {
        var clean = new string(Path.GetFileName(name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? "upload" : clean.Length <= 200 ? clean : clean[..200];
    }
}

public static class ImportSetup
{
    public static IServiceCollection AddProjectImport(this IServiceCollection services) => services.AddScoped<ProjectImport>();
}
