using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>
/// What lets several instances stand behind a load balancer: the proxy's forwarded headers, trusted only from the
/// addresses configured in <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c>, and health endpoints.
/// </summary>
public static class Instances
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddPortalInstances(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The proxy sets Host itself (nginx: proxy_set_header Host $host), so only the client and scheme are taken.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// Without a configured proxy the headers are ignored: a client could otherwise claim any address and scheme, and
    /// slip past the per-address throttles.
    /// </summary>
    public static void UsePortalForwardedHeaders(this WebApplication app)
    {
        var section = app.Configuration.GetSection("ForwardedHeaders");
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }
    }

    public static void MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Name == "database" });
        // Live: the process answers, whatever the database does (a load balancer restarts on this one failing).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // Ready: the database answers and has every migration this build expects (send traffic on this one).
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
    }
}

public sealed class MigrationsHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied yet.");
    }
}
