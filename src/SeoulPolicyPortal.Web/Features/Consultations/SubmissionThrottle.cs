using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Features.Consultations;

public sealed record ThrottleResult(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// A sliding-window limit per client, counted in the database so that every instance shares it. A client's address is
/// kept only as a hash and only for the length of the window.
/// </summary>
public sealed class SubmissionThrottle(PortalDbContext db, TimeProvider time)
{
    public async Task<ThrottleResult> HitAsync(string action, string? client, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var key = $"{action}:{Hash(client ?? "unknown")}";
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - window;
        await db.ThrottleHits.Where(h => h.Key == key && h.AtUtc <= since).ExecuteDeleteAsync(cancellationToken);

        // Counted after writing this hit, so two concurrent requests both see each other and cannot both slip under the limit.
        var hit = db.ThrottleHits.Add(new ThrottleHit { Key = key, AtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        var hits = await db.ThrottleHits.AsNoTracking().Where(h => h.Key == key && h.AtUtc > since)
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).Select(h => new { h.Id, h.AtUtc }).Take(limit + 1).ToListAsync(cancellationToken);
        if (hits.Count <= limit)
        {
            return new ThrottleResult(true, TimeSpan.Zero);
        }

        // Refused attempts are not counted, so a flood does not keep a client out for longer than the window.
        db.ThrottleHits.Remove(hit.Entity);
        await db.SaveChangesAsync(cancellationToken);
        var oldestCounted = hits.Where(h => h.Id != hit.Entity.Id).Select(h => h.AtUtc).Take(limit).Min();
        var retryAfter = oldestCounted + window - now;
        return new ThrottleResult(false, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
    }

    private static string Hash(string value) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("seoul-policy-portal:" + value)))[..32];
}
