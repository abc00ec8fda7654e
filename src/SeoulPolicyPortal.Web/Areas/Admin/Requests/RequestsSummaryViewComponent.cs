using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure.Mail;

namespace SeoulPolicyPortal.Web.Areas.Admin.Requests;

public sealed record OldestUnanswered(int Id, string Reference, DateTime ReceivedAtUtc, string? Topic);

public sealed record RequestsSummary(int New, int InProgress, OldestUnanswered? Oldest, bool MailConfigured, int MailWaiting, int MailFailed, string? LastMailError);

/// <summary>The dashboard's "Requests" box: open requests, the oldest unanswered one, and whether mail goes out.</summary>
public sealed class RequestsSummaryViewComponent(PortalDbContext db, IOptions<SmtpOptions> smtp) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var counts = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Status == ConsultationStatus.New || r.Status == ConsultationStatus.InProgress)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var oldest = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Status == ConsultationStatus.New || r.Status == ConsultationStatus.InProgress)
            .OrderBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id)
            .Select(r => new OldestUnanswered(r.Id, r.Reference, r.ReceivedAtUtc, r.Topic))
            .FirstOrDefaultAsync(cancellationToken);
        var waiting = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        var failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        var lastError = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.LastError != null)
            .OrderByDescending(m => m.Id).Select(m => m.LastError).FirstOrDefaultAsync(cancellationToken);
        return View(new RequestsSummary(
            counts.FirstOrDefault(c => c.Key == ConsultationStatus.New)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Key == ConsultationStatus.InProgress)?.Count ?? 0,
            oldest, smtp.Value.IsConfigured, waiting, failed, lastError));
    }
}
