using System.Text.RegularExpressions;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Infrastructure.Mail;

/// <summary>A message to write into the outbox; plain text, with the address already validated.</summary>
public sealed record OutgoingMail(string Kind, string ToAddress, string? ToName, string Subject, string Body);

public static partial class MailOutbox
{
    /// <summary>
    /// Adds the message to the context: it is written by the caller's SaveChanges, in the caller's transaction, so the
    /// request or reply and its mail are committed together or not at all.
    /// </summary>
    public static OutboxMessage Enqueue(this PortalDbContext db, OutgoingMail mail, int? consultationRequestId, DateTime nowUtc)
    {
        var message = new OutboxMessage
        {
            CreatedAtUtc = nowUtc,
            Kind = mail.Kind,
            ConsultationRequestId = consultationRequestId,
            ToAddress = mail.ToAddress,
            ToName = mail.ToName,
            Subject = OneLine(mail.Subject, ConsultationLimits.Subject),
            Body = mail.Body,
            MessageKey = Guid.NewGuid(),
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = nowUtc,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Header text on one line: each run of control characters (CR and LF above all) becomes one space.</summary>
    public static string OneLine(string text, int maxLength)
    {
        var cleaned = ControlCharacters().Replace(text, " ").Trim();
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength];
    }

    [GeneratedRegex(@"\p{Cc}+")]
    private static partial Regex ControlCharacters();
}
