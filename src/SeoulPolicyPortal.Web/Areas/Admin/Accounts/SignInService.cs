using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Throttling;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Accounts;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown account, wrong password or locked account: one answer for all three.</summary>
    Failed,

    /// <summary>Too many failures: nothing was checked; try again after <see cref="SignInResult.RetryAfter"/>.</summary>
    Throttled,
}

public sealed record SignInResult(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Signs an editor in without telling an attacker anything: an unknown address, a wrong password and a locked account
/// get the same answer after the same work (a password hash is checked in every case), and failures are throttled in
/// the database per client, per account and per known browser (<see cref="SignInThrottleOptions"/>), never locking an
/// account out.
/// </summary>
public sealed class SignInService(
    SignInManager<IdentityUser> signInManager,
    IPasswordHasher<IdentityUser> hasher,
    ThrottleStore throttles,
    IOptions<SignInThrottleOptions> throttleOptions,
    IDataProtectionProvider dataProtection,
    IHostEnvironment environment,
    TimeProvider time,
    PortalDbContext db)
{
    public const string DeviceCookie = "portal.device";

    // Hashed once per process with the same hasher and settings as real passwords, so checking it costs the same.
    private static string? _unknownAccountHash;

    private IDataProtector DeviceProtector => dataProtection.CreateProtector("SeoulPolicyPortal.SignInDevice");

    public async Task<SignInResult> SignInAsync(string email, string password, HttpContext http, CancellationToken cancellationToken)
    {
        var options = throttleOptions.Value;
        var address = http.Connection.RemoteIpAddress?.ToString();
        var device = KnownDevice(http, email);
        var flood = await throttles.HitAsync(SignInKeys.ForAttempts(address, time.GetUtcNow().UtcDateTime), options.AttemptsPolicy, cancellationToken);
        if (flood > TimeSpan.Zero)
        {
            return new SignInResult(SignInOutcome.Throttled, flood);
        }

        // A browser the account has signed in from is counted on its own, so an attack from elsewhere cannot slow it.
        (string Key, ThrottlePolicy Policy)[] counters = device is not null
            ? [(SignInKeys.ForDevice(email, device), options.Policy(options.DeviceFailures))]
            : [(SignInKeys.ForClient(address), options.Policy(options.ClientFailures)), (SignInKeys.ForAccount(email), options.Policy(options.AccountFailures))];

        if (await throttles.RetryAfterAsync(counters.Select(c => c.Key).ToList(), cancellationToken) is { } wait)
        {
            return new SignInResult(SignInOutcome.Throttled, wait);
        }

        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(email);
        bool passwordIsRight, locked = false;
        if (user is null)
        {
            var dummy = new IdentityUser();
            hasher.VerifyHashedPassword(dummy, _unknownAccountHash ??= hasher.HashPassword(dummy, RandomNumberGenerator.GetHexString(32)), password);
            passwordIsRight = false;
        }
        else
        {
            passwordIsRight = await users.CheckPasswordAsync(user, password);
            locked = await users.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user);
        }

        if (!passwordIsRight || locked)
        {
            var blocked = TimeSpan.Zero;
            foreach (var (key, policy) in counters)
            {
                var block = await throttles.HitAsync(key, policy, cancellationToken);
                blocked = block > blocked ? block : blocked;
            }

            await AuditAsync(passwordIsRight ? AuditKinds.LockedOut : AuditKinds.SignInFailed, email, address,
                blocked > TimeSpan.Zero ? AuditDetail.Of("Further attempts wait {0} s", Math.Ceiling(blocked.TotalSeconds)) : null, cancellationToken);
            return new SignInResult(SignInOutcome.Failed);
        }

        await signInManager.SignInAsync(user!, isPersistent: false);
        // The browser's or this address's count is forgotten; the account's stays, so that signing in from one place
        // never gives an attacker elsewhere fresh attempts.
        await throttles.ClearAsync(counters[0].Key, cancellationToken);
        if (device is null)
        {
            RememberDevice(http, email);
        }

        await AuditAsync(AuditKinds.SignInSucceeded, email, address, null, cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded);
    }

    /// <summary>The id of this browser if it holds a valid device cookie for this account.</summary>
    private string? KnownDevice(HttpContext http, string email)
    {
        if (http.Request.Cookies[DeviceCookie] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            var parts = DeviceProtector.Unprotect(value).Split('\n');
            return parts.Length == 2 && string.Equals(parts[0], email.Trim(), StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            // Forged, damaged or signed with a retired key: the browser is simply not known.
            return null;
        }
    }

    private void RememberDevice(HttpContext http, string email)
    {
        var id = RandomNumberGenerator.GetHexString(16, lowercase: true);
        http.Response.Cookies.Append(DeviceCookie, DeviceProtector.Protect($"{email.Trim()}\n{id}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Hardening.CookieSecurity(environment) == CookieSecurePolicy.Always || http.Request.IsHttps,
            Path = "/admin",
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    private async Task AuditAsync(string kind, string email, string? address, string? detail, CancellationToken cancellationToken)
    {
        db.AuditEvents.Add(new AuditEvent { AtUtc = DateTime.UtcNow, Kind = kind, Email = email, IpAddress = address, Detail = detail });
        await db.SaveChangesAsync(cancellationToken);
    }
}
