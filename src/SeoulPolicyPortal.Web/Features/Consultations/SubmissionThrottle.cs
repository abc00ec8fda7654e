using System.Security.Cryptography;
using System.Text;
using SeoulPolicyPortal.Web.Data.Throttling;

namespace SeoulPolicyPortal.Web.Features.Consultations;

public sealed record ThrottleResult(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// At most a number of submissions per client and window, counted by the shared <see cref="ThrottleStore"/> so that
/// every instance agrees. A client's address is kept only as a hash, and only until its row expires.
/// </summary>
public sealed class SubmissionThrottle(ThrottleStore store)
{
    public async Task<ThrottleResult> HitAsync(string action, string? client, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var key = $"{action}:client:{Hash(client ?? "unknown")}";

        // A blocked client is answered without counting, so a flood keeps it out no longer than one window.
        if (await store.RetryAfterAsync([key], cancellationToken) is { } waiting)
        {
            return new ThrottleResult(false, AtLeastASecond(waiting));
        }

        var block = await store.HitAsync(key, new ThrottlePolicy(limit, window, window, window), cancellationToken);
        return block > TimeSpan.Zero ? new ThrottleResult(false, AtLeastASecond(block)) : new ThrottleResult(true, TimeSpan.Zero);
    }

    private static TimeSpan AtLeastASecond(TimeSpan wait) => wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;

    private static string Hash(string value) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("seoul-policy-portal:" + value)))[..32];
}
