using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SeoulPolicyPortal.Web.Features.ApiGuide;
using SeoulPolicyPortal.Web.Features.Changes;

namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>What lets readers take the data away: exports, the change feed, the OpenAPI description, absolute links.</summary>
public static class TakeAwaySetup
{
    /// <summary>The rate-limiting policy of the downloads: a few built at a time per instance, the rest wait their turn.</summary>
    public const string ExportsPolicy = "exports";

    public static IServiceCollection AddTakeAway(this IServiceCollection services, IConfiguration configuration)
    {
        // A download of every matching row is built whole in memory (a failure must be an error, never half a file):
        // with 100 000 projects, 32 at once took an instance past 1 GiB (docs/performance.md). This caps memory per
        // process, not anything users share, so it is rightly per instance.
        var concurrent = Math.Max(1, configuration.GetValue("Portal:ConcurrentExports", Math.Max(2, Environment.ProcessorCount)));
        services.AddRateLimiter(options =>
        {
            options.AddConcurrencyLimiter(ExportsPolicy, limiter =>
            {
                limiter.PermitLimit = concurrent;
                limiter.QueueLimit = 256;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = 10.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        services.AddSingleton<PublicAddress>();
        services.AddScoped<ChangeLog>();
        services.AddPortalOpenApi();
        return services;
    }

    public static void MapTakeAway(this WebApplication app)
    {
        app.Services.GetRequiredService<PublicAddress>()
            .WarnIfUnprotected(app.Configuration, app.Environment, app.Services.GetRequiredService<ILogger<PublicAddress>>());
        app.MapPortalOpenApi();
    }
}
