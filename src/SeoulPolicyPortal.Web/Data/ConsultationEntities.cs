namespace SeoulPolicyPortal.Web.Data;

/// <summary>How long what a visitor types may be, in the database and in the forms alike.</summary>
public static class ConsultationLimits
{
    public const int Line = 200;
    public const int Email = 254;
    public const int Message = 5000;
    public const int Subject = 300;
    public const int Reply = 10_000;
}

public enum ConsultationStatus
{
    New,
    InProgress,
    Answered,
    Closed,
    Spam,
}

/// <summary>
/// A request from an official abroad ("Ask Seoul"). The personal fields are nulled when the request is erased (after the
/// retention period or on demand); what is left — dates, status, country, area, language, the page it came from — is
/// anonymous and kept for statistics.
/// </summary>
public sealed class ConsultationRequest
{
    public int Id { get; set; }

    /// <summary>What the official quotes, e.g. SPS-2026-00042; see <see cref="ReferenceCounter"/>.</summary>
    public required string Reference { get; set; }

    public DateTime ReceivedAtUtc { get; set; }
    public ConsultationStatus Status { get; set; }

    public string? Name { get; set; }
    public string? JobTitle { get; set; }
    public string? Organisation { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public string? Topic { get; set; }
    public string? Message { get; set; }

    /// <summary>One of the portal's countries, or null with <see cref="OtherCountry"/> for "other".</summary>
    public string? CountryCode { get; set; }

    public Country? Country { get; set; }
    public string? OtherCountry { get; set; }

    /// <summary>A code of <c>ConsultationLanguages</c>, such as "en" or "es".</summary>
    public required string PreferredLanguage { get; set; }

    /// <summary>The page the official asked from, by id (never a URL the visitor sent): a project, an area or a country.</summary>
    public int? AboutProjectId { get; set; }

    public Project? AboutProject { get; set; }
    public int? AboutAreaId { get; set; }
    public Area? AboutArea { get; set; }
    public string? AboutCountryCode { get; set; }

    /// <summary>The area the request is filed under: the area asked about or the area of the project asked about.</summary>
    public int? AreaId { get; set; }

    public Area? Area { get; set; }
    public DateTime ConsentedAtUtc { get; set; }
    public string? AssignedTo { get; set; }
    public DateTime? FirstAnsweredAtUtc { get; set; }

    /// <summary>When the request was last closed or marked spam; the retention period counts from here.</summary>
    public DateTime? ClosedAtUtc { get; set; }

    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>Moves on every status change, assignment and reply, so a stale form cannot act on a request another editor changed.</summary>
    public int Version { get; set; } = 1;

    public DateTime UpdatedAtUtc { get; set; }
    public List<ConsultationActivity> Activities { get; set; } = [];
    public List<ConsultationReply> Replies { get; set; } = [];
}

public static class ConsultationActivityKinds
{
    public const string Received = "received";
    public const string Status = "status";
    public const string Assigned = "assigned";
    public const string Note = "note";
    public const string Replied = "replied";
    public const string Erased = "erased";
}

/// <summary>The request's history: who changed what and when, and the editors' internal notes.</summary>
public sealed class ConsultationActivity
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string By { get; set; }
    public required string Kind { get; set; }
    public string? FromValue { get; set; }
    public string? ToValue { get; set; }

    /// <summary>A note's text; erased with the request's personal data.</summary>
    public string? Text { get; set; }
}

/// <summary>An editor's email answer; its delivery state is the state of its outbox message.</summary>
public sealed class ConsultationReply
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public DateTime WrittenAtUtc { get; set; }
    public required string By { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public long OutboxMessageId { get; set; }
    public OutboxMessage? OutboxMessage { get; set; }
}

/// <summary>The last reference number given in a year: the next request of that year takes the next number.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; set; }
    public int LastNumber { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
    Cancelled,
}

/// <summary>
/// An email waiting to be sent, written in the same transaction as what caused it, so a message is never lost.
/// A sender claims it with a lease before sending and marks it sent as soon as the SMTP server has accepted it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string Kind { get; set; }
    public int? ConsultationRequestId { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }

    /// <summary>Plain text only: nothing a visitor typed is ever put into HTML.</summary>
    public required string Body { get; set; }

    /// <summary>The left part of the Message-ID, fixed when the row is written, so a resend carries the same Message-ID.</summary>
    public Guid MessageKey { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
}

public static class OutboxKinds
{
    public const string Acknowledgement = "acknowledgement";
    public const string EditorNotification = "editor-notification";
    public const string Reply = "reply";

    /// <summary>A password reset link (Areas/Admin/Accounts): its body is blanked once sent, so the link is not kept.</summary>
    public const string PasswordReset = "password-reset";

    public const string SentBodyRemoved = "(removed after sending: it held a password reset link)";
}

