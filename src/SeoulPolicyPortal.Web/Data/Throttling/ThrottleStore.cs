using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Web.Data.Throttling;

/// <summary>
/// Counts hits per key in the <see cref="Throttle"/> table and says how long a key must wait. Reusable for anything
/// that must be slowed per client or per subject across instances (sign-in attempts, submitted forms).
/// </summary>
/// <remarks>
/// Each call works in a context of its own, so it never saves, or is rolled back with, what the caller's context holds.
/// Concurrent hits on one key from several instances are serialised by the row's version: the loser reads again.
/// </remarks>
public sealed class ThrottleStore(IServiceScopeFactory scopes, TimeProvider time)
{
    private const int Attempts = 10;

    /// <summary>How long the longest-blocked of the keys still has to wait, or null when none is blocked.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var until = await db.Set<Throttle>().AsNoTracking()
            .Where(t => keys.Contains(t.Key) && t.BlockedUntilUtc > now)
            .MaxAsync(t => t.BlockedUntilUtc, cancellationToken);
        return until is { } blocked ? blocked - now : null;
    }

    /// <summary>Counts one hit; returns how long the key is now blocked (zero while it has free hits left).</summary>
    public async Task<TimeSpan> HitAsync(string key, ThrottlePolicy policy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var row = await db.Set<Throttle>().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
            if (row is null)
            {
                row = new Throttle { Key = key };
                db.Add(row);
            }

            if (row.Hits == 0 || now - row.LastHitAtUtc > policy.Window)
            {
                // Quiet for a whole window: the count starts again.
                row.Hits = 0;
                row.FirstHitAtUtc = now;
                row.BlockedUntilUtc = null;
            }

            row.Hits++;
            row.LastHitAtUtc = now;
            var block = policy.BlockAfter(row.Hits);
            if (block > TimeSpan.Zero)
            {
                row.BlockedUntilUtc = now + block;
            }

            row.ExpiresAtUtc = now + (block > policy.Window ? block : policy.Window);
            row.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await db.Set<Throttle>().Where(t => t.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
                return block;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another instance counted the same key (or created its row) first: read it again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Forgets a key: after a success that proves the client honest, or when an Admin lifts a throttle.</summary>
    public async Task<bool> ClearAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Set<Throttle>().Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Keys with a prefix that are blocked or still counting, most recent first.</summary>
    public async Task<IReadOnlyList<Throttle>> ActiveAsync(string prefix, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Set<Throttle>().AsNoTracking()
            .Where(t => t.Key.StartsWith(prefix) && t.ExpiresAtUtc > now)
            .OrderByDescending(t => t.LastHitAtUtc)
            .ToListAsync(cancellationToken);
    }
}
