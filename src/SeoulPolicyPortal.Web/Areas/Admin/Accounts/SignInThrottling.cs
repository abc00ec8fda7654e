using SeoulPolicyPortal.Web.Data.Throttling;

namespace SeoulPolicyPortal.Web.Areas.Admin.Accounts;

/// <summary>
/// How failed sign-ins are slowed (configuration section Admin:SignInThrottle). Failures are counted per client
/// address and per account typed, whether or not the account exists; a browser that has signed in to the account before
/// (it holds the device cookie) is counted on its own instead, so failures from elsewhere never slow its editor down.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Admin:SignInThrottle";

    /// <summary>Failures allowed from one client address before it must wait.</summary>
    public int ClientFailures { get; set; } = 10;

    /// <summary>Failures allowed on one account, from browsers it was never used in, before they must wait.</summary>
    public int AccountFailures { get; set; } = 5;

    /// <summary>Failures allowed from a browser the account has signed in from before.</summary>
    public int DeviceFailures { get; set; } = 10;

    /// <summary>A key forgets its failures after this long without one.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first wait; each further failure doubles it, up to <see cref="MaxBlock"/>.</summary>
    public TimeSpan FirstBlock { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBlock { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Attempts of any outcome from one client address in a clock minute (Admin:SignInAttemptsPerMinute): each costs a
    /// password hash, so a flood is turned away before it costs that, on every instance alike.
    /// </summary>
    public int AttemptsPerMinute { get; set; } = 10;

    public ThrottlePolicy AttemptsPolicy => new(AttemptsPerMinute, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

    public ThrottlePolicy Policy(int freeFailures) => new(freeFailures, Window, FirstBlock, MaxBlock);
}

/// <summary>The throttle keys of sign-in, and how the admin page names them.</summary>
public static class SignInKeys
{
    public const string Prefix = "sign-in:";
    public const string Client = Prefix + "client:";
    public const string Account = Prefix + "account:";
    public const string Device = Prefix + "device:";
    public const string Attempts = Prefix + "attempts:";

    public static string ForClient(string? address) => Client + (address ?? "unknown");

    public static string ForAccount(string email) => Account + email.Trim().ToUpperInvariant();

    /// <summary>One key per client address and clock minute, so the count starts again each minute.</summary>
    public static string ForAttempts(string? address, DateTime nowUtc) =>
        Attempts + (address ?? "unknown") + "@" + nowUtc.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string ForDevice(string email, string deviceId) => Device + email.Trim().ToUpperInvariant() + "/" + deviceId;

    /// <summary>"Client address", "Account" or "Browser", and what the key is about.</summary>
    public static (string Kind, string Subject) Describe(string key) =>
        key.StartsWith(Client, StringComparison.Ordinal) ? ("Client address", key[Client.Length..])
        : key.StartsWith(Account, StringComparison.Ordinal) ? ("Account", key[Account.Length..].ToLowerInvariant())
        : key.StartsWith(Device, StringComparison.Ordinal) ? ("Browser that signed in before", DeviceSubject(key[Device.Length..]))
        : key.StartsWith(Attempts, StringComparison.Ordinal) ? ("Client address, attempts this minute", key[Attempts.Length..])
        : key.StartsWith(PasswordKeys.ChangeAccount, StringComparison.Ordinal) ? ("Account, wrong current password", key[PasswordKeys.ChangeAccount.Length..].ToLowerInvariant())
        : key.StartsWith(PasswordKeys.ResetClient, StringComparison.Ordinal) ? ("Client address, reset links asked for", key[PasswordKeys.ResetClient.Length..])
        : key.StartsWith(PasswordKeys.ResetAddress, StringComparison.Ordinal) ? ("Email address, reset links asked for", key[PasswordKeys.ResetAddress.Length..].ToLowerInvariant())
        : ("Other", key);

    private static string DeviceSubject(string rest)
    {
        var slash = rest.LastIndexOf('/');
        return slash < 0 ? rest : $"{rest[..slash].ToLowerInvariant()} ({rest[(slash + 1)..]})";
    }
}
