using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Areas.Admin.Requests;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Consultations;
using SeoulPolicyPortal.Web.Infrastructure.Mail;

namespace SeoulPolicyPortal.Web.Areas.Admin.Requests;

public sealed class RequestUpdateInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Choose a status.")]
    public string? Status { get; set; }

    public string? AssignedTo { get; set; }
}

public sealed class NoteInput
{
    [Required(ErrorMessage = "Write the note.")]
    [StringLength(ConsultationLimits.Message, ErrorMessage = "A note can be at most 5,000 characters.")]
    public string? Text { get; set; }
}

public sealed class ReplyInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the subject of the email.")]
    [StringLength(ConsultationLimits.Subject, ErrorMessage = "The subject can be at most 300 characters.")]
    public string? Subject { get; set; }

    [Required(ErrorMessage = "Write the answer.")]
    [StringLength(ConsultationLimits.Reply, ErrorMessage = "The answer can be at most 10,000 characters.")]
    public string? Body { get; set; }
}

public sealed class EraseInput
{
    public bool Confirm { get; set; }
}

/// <summary>Which of the page's forms a conflict belongs to.</summary>
public enum RequestForm
{
    Update,
    Reply,
}

public sealed record RequestPageViewModel(
    RequestDetails Request, IReadOnlyList<string> Editors, RequestUpdateInput Update, NoteInput Note, ReplyInput Reply,
    bool MailConfigured, ConflictViewModel? Conflict = null, RequestForm? ConflictForm = null);

/// <summary>The editors' inbox of "Ask Seoul" requests.</summary>
[Route("admin/requests")]
public sealed class RequestsController(
    PortalDbContext db, RequestInbox inbox, ConsultationMails mails, ConsultationEraser eraser, OutboxSignal signal, TimeProvider time,
    IOptions<SmtpOptions> smtp) : AdminController
{
    private const string UpdatePrefix = "Update";
    private const string NotePrefix = "Note";
    private const string ReplyPrefix = "Reply";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] RequestQueryString query, CancellationToken cancellationToken)
    {
        var (filter, problems) = RequestFilter.Parse(query, CurrentUser);
        return View(await inbox.QueryAsync(filter, problems, cancellationToken));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] RequestQueryString query, CancellationToken cancellationToken)
    {
        var (filter, _) = RequestFilter.Parse(query, CurrentUser);
        var rows = await inbox.ExportAsync(filter, cancellationToken);
        var date = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(RequestCsv.Write(rows), "text/csv; charset=utf-8", $"requests-{date}.csv");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var request = await inbox.FindAsync(id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        return View(await PageAsync(request, null, null, null, cancellationToken));
    }

    [HttpPost("{id:int}/update")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = UpdatePrefix)] RequestUpdateInput input, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var status = RequestStatuses.Parse(input.Status);
        if (input.Status is not null && status is null)
        {
            ModelState.AddModelError($"{UpdatePrefix}.{nameof(input.Status)}", T["Choose a status from the list."]);
        }

        var assignee = string.IsNullOrWhiteSpace(input.AssignedTo) ? null : input.AssignedTo.Trim();
        if (assignee is not null && !(await inbox.EditorsAsync(cancellationToken)).Contains(assignee))
        {
            ModelState.AddModelError($"{UpdatePrefix}.{nameof(input.AssignedTo)}", T["Choose an editor from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, update: input, cancellationToken: cancellationToken);
        }

        if (request.Version != input.Version)
        {
            return await ConflictAsync(id, RequestForm.Update, input, null, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var changed = false;
        if (request.Status != status)
        {
            Record(request, ConsultationActivityKinds.Status, request.Status.ToString(), status!.Value.ToString(), now);
            request.Status = status.Value;
            request.ClosedAtUtc = status is ConsultationStatus.Closed or ConsultationStatus.Spam ? now : null;
            changed = true;
        }

        if (request.AssignedTo != assignee)
        {
            Record(request, ConsultationActivityKinds.Assigned, request.AssignedTo, assignee, now);
            request.AssignedTo = assignee;
            changed = true;
        }

        if (!changed)
        {
            Status.Set("Nothing was changed.");
            return RedirectToAction(nameof(Show), new { id });
        }

        if (!await SaveVersionedAsync(request, input.Version, now, cancellationToken))
        {
            return await ConflictAsync(id, RequestForm.Update, input, null, cancellationToken);
        }

        Status.Set("The request was updated.");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/notes")]
    public async Task<IActionResult> AddNote(int id, [Bind(Prefix = NotePrefix)] NoteInput input, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, note: input, cancellationToken: cancellationToken);
        }

        // Notes are only ever added, so two editors writing notes at once never conflict.
        db.ConsultationActivities.Add(new ConsultationActivity
        {
            RequestId = id,
            AtUtc = time.GetUtcNow().UtcDateTime,
            By = CurrentUser,
            Kind = ConsultationActivityKinds.Note,
            Text = input.Text!.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        Status.Set("The note was added.");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, [Bind(Prefix = ReplyPrefix)] ReplyInput input, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (request.ErasedAtUtc is not null)
        {
            ModelState.AddModelError($"{ReplyPrefix}.{nameof(input.Body)}", T["This request’s personal data was erased: there is no address to answer."]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, reply: input, cancellationToken: cancellationToken);
        }

        // Another editor's reply or status change since this form was loaded: show it rather than answer twice.
        if (request.Version != input.Version)
        {
            return await ConflictAsync(id, RequestForm.Reply, null, input, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var message = db.Enqueue(mails.Reply(request, input.Subject!, input.Body!.Replace("\r\n", "\n")), request.Id, now);
        db.ConsultationReplies.Add(new ConsultationReply
        {
            RequestId = id,
            WrittenAtUtc = now,
            By = CurrentUser,
            Subject = message.Subject,
            Body = input.Body.Replace("\r\n", "\n").Trim(),
            OutboxMessage = message,
        });
        Record(request, ConsultationActivityKinds.Replied, null, null, now);
        if (RequestStatuses.IsOpen(request.Status))
        {
            Record(request, ConsultationActivityKinds.Status, request.Status.ToString(), nameof(ConsultationStatus.Answered), now);
            request.Status = ConsultationStatus.Answered;
        }

        request.FirstAnsweredAtUtc ??= now;
        if (!await SaveVersionedAsync(request, input.Version, now, cancellationToken))
        {
            return await ConflictAsync(id, RequestForm.Reply, null, input, cancellationToken);
        }

        signal.Notify();
        Status.Set("The answer is on its way; its delivery is shown below.");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/erase")]
    [Authorize(Policy = AdminPolicies.Admin)]
    public async Task<IActionResult> Erase(int id, EraseInput input, CancellationToken cancellationToken)
    {
        if (!await db.ConsultationRequests.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return NotFound();
        }

        if (!input.Confirm)
        {
            Status.Set("Nothing was erased: tick the box to confirm.");
            return RedirectToAction(nameof(Show), new { id });
        }

        var erased = await eraser.EraseAsync(id, CurrentUser, retentionMonths: null, cancellationToken);
        Status.Set(erased ? "The personal data of this request was erased." : "This request was already erased.");
        return RedirectToAction(nameof(Show), new { id });
    }

    private void Record(ConsultationRequest request, string kind, string? from, string? to, DateTime now) =>
        db.ConsultationActivities.Add(new ConsultationActivity { RequestId = request.Id, AtUtc = now, By = CurrentUser, Kind = kind, FromValue = from, ToValue = to });

    /// <summary>Saves with UPDATE … WHERE Version = the form's version: false when someone else saved in between.</summary>
    private async Task<bool> SaveVersionedAsync(ConsultationRequest request, int loadedVersion, DateTime now, CancellationToken cancellationToken)
    {
        db.Entry(request).Property(r => r.Version).OriginalValue = loadedVersion;
        request.Version = loadedVersion + 1;
        request.UpdatedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<IActionResult> ConflictAsync(int id, RequestForm form, RequestUpdateInput? update, ReplyInput? reply, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        ModelState.Clear();
        var current = (await inbox.FindAsync(id, cancellationToken))!;
        var last = current.History.LastOrDefault(h => h.Kind != ConsultationActivityKinds.Note);
        var lastReply = current.Replies.LastOrDefault();
        var fields = new List<FieldChange>
        {
            new("Status", T[RequestStatuses.Label(current.Status)], update is null ? T[RequestStatuses.Label(current.Status)] : StatusLabel(update.Status)),
            new("Assigned to", current.AssignedTo ?? T["Nobody"], update is null ? current.AssignedTo ?? T["Nobody"] : NullIfEmpty(update.AssignedTo) ?? T["Nobody"]),
        };
        if (reply is not null)
        {
            fields.Add(new FieldChange("Latest answer", lastReply is null ? T["None"] : $"{lastReply.By}: {lastReply.Subject}\n\n{lastReply.Body}", $"{CurrentUser}: {reply.Subject}\n\n{reply.Body}"));
        }

        var conflict = new ConflictViewModel(current.Version, last?.By, last?.AtUtc ?? current.ReceivedAtUtc, fields);
        if (update is not null)
        {
            update.Version = current.Version;
        }

        if (reply is not null)
        {
            reply.Version = current.Version;
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(nameof(Show), await PageAsync(current, update, null, reply, cancellationToken) with { Conflict = conflict, ConflictForm = form });
    }

    private string StatusLabel(string? slug) => RequestStatuses.Parse(slug) is { } status ? T[RequestStatuses.Label(status)] : "";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<IActionResult> ShowAsync(
        int id, RequestUpdateInput? update = null, NoteInput? note = null, ReplyInput? reply = null, CancellationToken cancellationToken = default)
    {
        var request = (await inbox.FindAsync(id, cancellationToken))!;
        return View(nameof(Show), await PageAsync(request, update, note, reply, cancellationToken));
    }

    private async Task<RequestPageViewModel> PageAsync(
        RequestDetails request, RequestUpdateInput? update, NoteInput? note, ReplyInput? reply, CancellationToken cancellationToken)
    {
        update ??= new RequestUpdateInput { Version = request.Version, Status = RequestStatuses.Slug(request.Status), AssignedTo = request.AssignedTo };
        reply ??= new ReplyInput { Version = request.Version, Subject = request.Erased ? null : mails.ReplySubject(request.Reference, request.Topic) };
        return new RequestPageViewModel(request, await inbox.EditorsAsync(cancellationToken), update, note ?? new NoteInput(), reply, smtp.Value.IsConfigured);
    }
}
