using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Features.Consultations;

public static class ConsultationAuditKinds
{
    public const string Erased = "request-erased";
}

/// <summary>
/// Erases a request's personal data: the requester's name, job title, organisation, city, email, topic and message,
/// the editors' notes and replies, and the addresses and texts of its emails (unsent ones are cancelled). What is
/// left — reference, dates, status, country, area, language, the page it came from, who did what — is anonymous.
/// </summary>
public sealed class ConsultationEraser(PortalDbContext db, TimeProvider time, IOptions<ConsultationOptions> options)
{
    public const string Erased = "(erased)";

    /// <param name="retentionMonths">Set when the retention period ended; null when the requester asked for the erasure.</param>
    public async Task<bool> EraseAsync(int requestId, string by, int? retentionMonths, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.ErasedAtUtc is not null)
        {
            return false;
        }

        request.Name = request.JobTitle = request.Organisation = request.City = request.Email = request.Topic = request.Message = null;
        request.OtherCountry = null;
        request.ErasedAtUtc = now;
        request.UpdatedAtUtc = now;
        request.Version++;
        var reason = retentionMonths is { } months
            ? AuditDetail.Of("retention period of {0} months ended", months)
            : AuditDetail.Of("erased on the requester’s demand");
        var detail = retentionMonths is { } m
            ? AuditDetail.Of("{0}: retention period of {1} months ended", request.Reference, m)
            : AuditDetail.Of("{0}: erased on the requester’s demand", request.Reference);
        db.ConsultationActivities.Add(new ConsultationActivity { RequestId = requestId, AtUtc = now, By = by, Kind = ConsultationActivityKinds.Erased, ToValue = reason });
        db.AuditEvents.Add(new AuditEvent { AtUtc = now, Kind = ConsultationAuditKinds.Erased, ActedBy = by, Detail = detail });
        await db.SaveChangesAsync(cancellationToken);

        await db.ConsultationActivities.Where(a => a.RequestId == requestId && a.Text != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, (string?)null), cancellationToken);
        await db.ConsultationReplies.Where(r => r.RequestId == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Subject, (string?)null).SetProperty(r => r.Body, (string?)null), cancellationToken);
        await db.OutboxMessages.Where(m => m.ConsultationRequestId == requestId && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled), cancellationToken);
        await db.OutboxMessages.Where(m => m.ConsultationRequestId == requestId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ToAddress, Erased)
                .SetProperty(m => m.ToName, (string?)null)
                .SetProperty(m => m.Subject, Erased)
                .SetProperty(m => m.Body, Erased)
                .SetProperty(m => m.LastError, (string?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Erases every request closed (or marked spam) longer ago than the retention period; returns how many.</summary>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddMonths(-options.Value.RetentionMonths);
        var expired = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.ErasedAtUtc == null && r.ClosedAtUtc != null && r.ClosedAtUtc < cutoff
                        && (r.Status == ConsultationStatus.Closed || r.Status == ConsultationStatus.Spam))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(500).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var id in expired)
        {
            erased += await EraseAsync(id, "retention", options.Value.RetentionMonths, cancellationToken) ? 1 : 0;
            db.ChangeTracker.Clear();
        }
        return erased;
    }
}

/// <summary>Runs the retention rule at start-up and then every <see cref="ConsultationOptions.RetentionSweepInterval"/>.</summary>
public sealed class ConsultationRetentionService(IServiceScopeFactory scopes, IOptionsMonitor<ConsultationOptions> options, ILogger<ConsultationRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var erased = await scope.ServiceProvider.GetRequiredService<ConsultationEraser>().EraseExpiredAsync(stoppingToken);
                if (erased > 0)
                {
                    logger.LogInformation("Erased the personal data of {RequestCount} requests past the retention period", erased);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The retention sweep failed; it runs again at the next interval");
            }

            try
            {
                await Task.Delay(options.CurrentValue.RetentionSweepInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
