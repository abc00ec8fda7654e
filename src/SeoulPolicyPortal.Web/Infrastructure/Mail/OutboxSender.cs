using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Infrastructure.Mail;

/// <summary>
/// Sends the outbox. Each message is claimed with a conditional UPDATE (a lease) so that two instances never send the
/// same row, and marked sent right after the SMTP server has accepted it. A failure records the error and schedules
/// the next attempt with a doubling delay. See docs/operations.md, "Mail", for why this is at-least-once and how close
/// to exactly-once it gets.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, IOptionsMonitor<SmtpOptions> options, OutboxSignal signal, TimeProvider time, ILogger<OutboxSender> logger)
    : BackgroundService
{
    // Unique per process, so a lease taken before a restart is never mistaken for this process's own.
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            if (settings.IsConfigured)
            {
                try
                {
                    while (await SendDueAsync(settings, stoppingToken) > 0)
                    {
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // The database itself failed (locked, gone); the next round tries again.
                    logger.LogError(exception, "The outbox could not be read or updated");
                }
            }

            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many were claimed.</summary>
    internal async Task<int> SendDueAsync(SmtpOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var claimed = await ClaimAsync(db, settings, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var unsent = new Queue<OutboxMessage>(claimed);
        try
        {
            using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
            try
            {
                await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
                if (!string.IsNullOrEmpty(settings.UserName))
                {
                    await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("The SMTP server {Host}:{Port} could not be reached: {Error}", settings.Host, settings.Port, exception.Message);
                while (unsent.TryDequeue(out var message))
                {
                    await RecordFailureAsync(db, message, exception.Message, permanent: false, settings);
                }

                return claimed.Count;
            }

            while (unsent.TryPeek(out var message))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await client.SendAsync(Build(message, settings), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    unsent.Dequeue();
                    await RecordFailureAsync(db, message, exception.Message, IsPermanent(exception), settings);
                    logger.LogWarning("Outbox message {MessageId} was not sent: {Error}", message.Id, exception.Message);
                    continue;
                }

                // Accepted by the server: from here on the message must be marked sent, whatever else happens.
                unsent.Dequeue();
                await MarkSentAsync(db, message);
                logger.LogInformation("Outbox message {MessageId} ({Kind}) sent", message.Id, message.Kind);
            }

            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        finally
        {
            // Shutting down mid-batch: give back what was not attempted, so the next instance need not wait for the lease.
            while (unsent.TryDequeue(out var message))
            {
                await ReleaseAsync(db, message);
            }
        }

        return claimed.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(PortalDbContext db, SmtpOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        var claimed = new List<OutboxMessage>();
        foreach (var id in due)
        {
            // Only one UPDATE can match while the lease is free: that instance owns the message until the lease ends.
            var won = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, _owner).SetProperty(m => m.LeaseUntilUtc, now + settings.Lease), cancellationToken);
            if (won == 1)
            {
                claimed.Add(await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken));
            }
        }

        return claimed;
    }

    private async Task MarkSentAsync(PortalDbContext db, OutboxMessage message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var marked = await db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseOwner == _owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAtUtc, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.Body, m => m.Kind == OutboxKinds.PasswordReset ? OutboxKinds.SentBodyRemoved : m.Body)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        if (marked == 0)
        {
            logger.LogWarning("Outbox message {MessageId} was sent after its lease ended", message.Id);
        }
    }

    private async Task RecordFailureAsync(PortalDbContext db, OutboxMessage message, string error, bool permanent, SmtpOptions settings)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        var status = permanent || attempts >= settings.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
        var next = now + Backoff(attempts, settings);
        var text = MailOutbox.OneLine(error, 1000);
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseOwner == _owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private async Task ReleaseAsync(PortalDbContext db, OutboxMessage message) =>
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseOwner == _owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null),
                CancellationToken.None);

    internal static TimeSpan Backoff(int attempts, SmtpOptions settings)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.RetryDelay.Ticks * factor, settings.MaxRetryDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    // A 5xx answer to the sender, a recipient or the message will be the same next time; anything else may pass later.
    private static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { StatusCode: var code, ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted }
        && (int)code >= 500;

    internal static MimeMessage Build(OutboxMessage message, SmtpOptions settings)
    {
        var from = MailboxAddress.Parse(settings.From!);
        from.Name = settings.FromName;
        var mail = new MimeMessage
        {
            // The same Message-ID every time this row is sent, so a copy sent twice is recognisably the same message.
            MessageId = $"{message.MessageKey:N}@{from.Domain}",
            Date = DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc),
            Subject = message.Subject,
            Body = new TextPart(TextFormat.Plain) { Text = message.Body },
        };
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        if (message.Kind != OutboxKinds.Reply)
        {
            // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
            mail.Headers.Add("Auto-Submitted", "auto-generated");
        }

        return mail;
    }
}
