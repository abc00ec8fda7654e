using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Areas.Admin.Accounts;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Throttling;

namespace SeoulPolicyPortal.Web.Areas.Admin.Throttles;

public sealed record ThrottleItem(string Key, string Kind, string Subject, int Failures, DateTime? BlockedUntilUtc, DateTime LastFailureAtUtc);

/// <summary>Sign-in throttles in force on every instance, and lifting one (an editor locked out by someone else's guesses).</summary>
[Route("admin/throttles")]
[Authorize(Policy = AdminPolicies.Admin)]
public sealed class ThrottlesController(ThrottleStore throttles, PortalDbContext db, TimeProvider time) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var items = (await throttles.ActiveAsync(SignInKeys.Prefix, cancellationToken))
            .Select(t =>
            {
                var (kind, subject) = SignInKeys.Describe(t.Key);
                return new ThrottleItem(t.Key, kind, subject, t.Hits, t.BlockedUntilUtc > now ? t.BlockedUntilUtc : null, t.LastHitAtUtc);
            })
            .ToList();
        return View(items);
    }

    [HttpPost("lift")]
    public async Task<IActionResult> Lift(string? key, CancellationToken cancellationToken)
    {
        if (key is null || !key.StartsWith(SignInKeys.Prefix, StringComparison.Ordinal))
        {
            return NotFound();
        }

        var lifted = await throttles.ClearAsync(key, cancellationToken);
        if (lifted)
        {
            db.AuditEvents.Add(new AuditEvent { AtUtc = DateTime.UtcNow, Kind = AuditKinds.ThrottleLifted, ActedBy = CurrentUser, Detail = key });
            await db.SaveChangesAsync(cancellationToken);
        }

        Status.Set(lifted ? "The throttle was lifted." : "That throttle had already ended.");
        return RedirectToAction(nameof(Index));
    }
}
