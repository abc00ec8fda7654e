using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Throttling;
using SeoulPolicyPortal.Web.Infrastructure;
using SeoulPolicyPortal.Web.Infrastructure.Mail;

namespace SeoulPolicyPortal.Web.Areas.Admin.Accounts;

/// <summary>How reset links by email behave (configuration section Admin:PasswordReset).</summary>
public sealed class PasswordResetOptions
{
    public const string Section = "Admin:PasswordReset";

    /// <summary>How long a link in the email works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Requests allowed from one client address per <see cref="Window"/>, known address or not.</summary>
    public int RequestsPerClient { get; set; } = 10;

    /// <summary>Requests allowed for one email address per <see cref="Window"/>: nobody's mailbox can be flooded.</summary>
    public int RequestsPerAddress { get; set; } = 3;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    public ThrottlePolicy Policy(int freeHits) => new(freeHits, Window, TimeSpan.FromMinutes(5), Window);
}

public enum ResetLinkState
{
    Valid,

    /// <summary>Not made by this portal, or damaged on the way (a cut-off link): the signature does not match.</summary>
    Invalid,

    Expired,

    /// <summary>The password has changed since the link was made (by this link or otherwise), or the account is gone or locked.</summary>
    Spent,
}

public sealed record ResetLink(ResetLinkState State, IdentityUser? User = null);

/// <summary>
/// Reset links by email. The token is the account's id, the time it was made and a fingerprint of the password hash,
/// encrypted and signed with Data Protection (whose keys are in the database, so every instance reads any instance's
/// link). It cannot be forged, it expires after <see cref="PasswordResetOptions.LinkLifetime"/>, and it works once: the
/// new password changes the hash it is bound to. Nothing about it is stored.
/// </summary>
public sealed class PasswordResets(
    UserManager<IdentityUser> users,
    IDataProtectionProvider dataProtection,
    ThrottleStore throttles,
    IOptions<PasswordResetOptions> options,
    IOptions<SmtpOptions> smtp,
    PublicAddress publicAddress,
    OutboxSignal signal,
    IStringLocalizer<SharedResource> t,
    LinkGenerator links,
    TimeProvider time,
    PortalDbContext db)
{
    private IDataProtector Protector => dataProtection.CreateProtector("SeoulPolicyPortal.PasswordReset.v1");

    /// <summary>
    /// Mail goes out only with an SMTP server and the site's public address: the link in the email is never built from a
    /// request's Host header, which whoever asks for the reset chooses.
    /// </summary>
    public bool ByEmail => smtp.Value.IsConfigured && publicAddress.IsConfigured;

    /// <summary>
    /// Queues a reset email if the address belongs to an unlocked account; tells the caller only how long to wait when
    /// throttled, never whether the account exists.
    /// </summary>
    public async Task<TimeSpan> RequestAsync(string email, string? clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var wait = await throttles.HitAsync(PasswordKeys.ForResetClient(clientAddress), settings.Policy(settings.RequestsPerClient), cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            return wait;
        }

        wait = await throttles.HitAsync(PasswordKeys.ForResetAddress(email), settings.Policy(settings.RequestsPerAddress), cancellationToken);
        if (wait > TimeSpan.Zero || !ByEmail)
        {
            return wait;
        }

        var user = await users.FindByEmailAsync(email);
        if (user?.Email is null || await users.IsLockedOutAsync(user))
        {
            return TimeSpan.Zero;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var path = links.GetPathByAction("Reset", "Password", new { area = "Admin", token = CreateToken(user, now) })!;
        db.Enqueue(Mail(user.Email, publicAddress.ConfiguredAbsolute(path)!), null, now);
        db.AuditEvents.Add(new AuditEvent { AtUtc = now, Kind = AuditKinds.PasswordResetRequested, Email = user.Email, IpAddress = clientAddress });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TimeSpan.Zero;
    }

    public async Task<ResetLink> ReadAsync(string? token)
    {
        string[] parts;
        try
        {
            parts = token is { Length: > 0 and < 2000 } ? Protector.Unprotect(token).Split('\n') : [];
        }
        catch (CryptographicException)
        {
            parts = [];
        }

        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return new ResetLink(ResetLinkState.Invalid);
        }

        if (new DateTime(ticks, DateTimeKind.Utc) + options.Value.LinkLifetime < time.GetUtcNow().UtcDateTime)
        {
            return new ResetLink(ResetLinkState.Expired);
        }

        var user = await users.FindByIdAsync(parts[0]);
        if (user is null || await users.IsLockedOutAsync(user)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[2]), Encoding.ASCII.GetBytes(Fingerprint(user))))
        {
            return new ResetLink(ResetLinkState.Spent);
        }

        return new ResetLink(ResetLinkState.Valid, user);
    }

    /// <summary>Sets the new password (same rules as everywhere) and ends every session of the account.</summary>
    public async Task<IdentityResult> ResetAsync(IdentityUser user, string password, string? clientAddress, CancellationToken cancellationToken)
    {
        // Identity's own reset token is made and used at once: the password rules, the new hash and the new security
        // stamp (which signs out every session, see SessionValidation) all come from UserManager.
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (result.Succeeded)
        {
            db.AuditEvents.Add(new AuditEvent { AtUtc = time.GetUtcNow().UtcDateTime, Kind = AuditKinds.PasswordResetByLink, Email = user.Email, IpAddress = clientAddress });
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    private string CreateToken(IdentityUser user, DateTime nowUtc) =>
        Protector.Protect(string.Join('\n', user.Id, nowUtc.Ticks.ToString(CultureInfo.InvariantCulture), Fingerprint(user)));

    /// <summary>A short digest of the password hash: it changes with the password, and the hash itself never leaves the database.</summary>
    private static string Fingerprint(IdentityUser user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash ?? "")))[..32];

    private OutgoingMail Mail(string email, string link)
    {
        var minutes = (int)Math.Round(options.Value.LinkLifetime.TotalMinutes);
        var body = new StringBuilder()
            .AppendLine(t["Someone asked to reset the password of your account on the Seoul Policy Portal admin area."])
            .AppendLine()
            .AppendLine(t["To choose a new password, open this link within {0} minutes. It works once:", minutes])
            .AppendLine(link)
            .AppendLine()
            .AppendLine(t["If you did not ask for this, you can ignore this email: your password stays as it is."])
            .AppendLine()
            .AppendLine(t["Seoul Policy Sharing Initiative"]);
        return new OutgoingMail(OutboxKinds.PasswordReset, email, null, t["Reset your password for the Seoul Policy Portal"], body.ToString());
    }
}

/// <summary>
/// The throttle keys of changing and resetting passwords; under the sign-in prefix, so /admin/throttles lists them and
/// an Admin can lift them like the sign-in ones.
/// </summary>
public static class PasswordKeys
{
    public const string ChangeAccount = SignInKeys.Prefix + "password-change:";
    public const string ResetClient = SignInKeys.Prefix + "password-reset-client:";
    public const string ResetAddress = SignInKeys.Prefix + "password-reset-address:";

    public static string ForChange(string email) => ChangeAccount + email.Trim().ToUpperInvariant();

    public static string ForResetClient(string? address) => ResetClient + (address ?? "unknown");

    public static string ForResetAddress(string email) => ResetAddress + email.Trim().ToUpperInvariant();
}
