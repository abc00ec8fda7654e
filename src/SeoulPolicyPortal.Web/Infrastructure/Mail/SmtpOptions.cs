using MailKit.Security;

namespace SeoulPolicyPortal.Web.Infrastructure.Mail;

/// <summary>The <c>Smtp</c> section. With no <see cref="Host"/> nothing is sent and messages wait in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address; required once <see cref="Host"/> is set.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "Seoul Policy Portal";

    /// <summary>
    /// Auto: TLS from the start on port 465, otherwise STARTTLS whenever the server offers it. Set StartTls to refuse a
    /// server that does not offer it (a network attacker can strip the offer), or None for a relay on the same host.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>How often the outbox is looked at when nothing wakes the sender.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after the first failure; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A message is given up (status Failed) after this many attempts; about a day with the default delays.</summary>
    public int MaxAttempts { get; set; } = 60;

    /// <summary>How long a claimed message is reserved for the instance sending it; longer than one SMTP conversation.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 20;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
