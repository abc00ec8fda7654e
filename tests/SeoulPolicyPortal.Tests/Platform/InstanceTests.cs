using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Tests.Admin;
using SeoulPolicyPortal.Web.Data.Throttling;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>Health endpoints for a load balancer, and the proxy's forwarded headers trusted only from the configured proxy.</summary>
public sealed class InstanceTests
{
    private const string Proxy = "10.1.2.3";

    /// <summary>Every request arrives from <see cref="Proxy"/>'s address or another one, as a socket would say.</summary>
    private sealed class BehindProxyPortal(string environment, string remoteAddress) : AdminPortalFactory
    {
        protected override string EnvironmentName => environment;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remoteAddress))));
        }

        public HttpClient ForwardingClient(string scheme, string? clientAddress = null) =>
            CreateDefaultClient(new Uri("http://portal.test"), new CookieContainerHandler(), new Forwarding(scheme, clientAddress));
    }

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class Forwarding(string scheme, string? clientAddress) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-Proto", scheme);
            if (clientAddress is not null)
            {
                request.Headers.Add("X-Forwarded-For", clientAddress);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task HealthEndpoints_OfAMigratedPortal_AreHealthy(string path)
    {
        using var portal = new PortalFactory();
        using var response = await portal.CreatePortalClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_WhenAMigrationIsMissing_IsUnhealthyWhileLiveStaysUp()
    {
        using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        // As when a newer build's instance has not yet migrated the shared database.
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")"));

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task FromTheKnownProxy_TheForwardedSchemeIsTheRequestsScheme()
    {
        using var portal = new BehindProxyPortal("Production", Proxy);
        var client = portal.ForwardingClient("https");

        using var admin = await client.GetAsync("/admin/sign-in");
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.True(home.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task FromAnyOtherAddress_ForwardedHeadersAreIgnored()
    {
        using var portal = new BehindProxyPortal("Production", "192.0.2.77");
        var client = portal.ForwardingClient("https");

        using var admin = await client.GetAsync("/admin/sign-in");
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.False(home.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(Proxy, "203.0.113.9", "203.0.113.9")]
    [InlineData("192.0.2.77", "203.0.113.9", "192.0.2.77")]
    public async Task SignInThrottle_CountsTheClientTheTrustedProxyNames(string remote, string forwardedFor, string counted)
    {
        using var portal = new BehindProxyPortal("Development", remote);
        var client = portal.ForwardingClient("http", forwardedFor);

        using var response = await client.SignInAsync(AdminPortalFactory.AdminEmail, "not the password");

        var keys = await portal.WithDbAsync(db => db.Set<Throttle>().Select(t => t.Key).ToListAsync());
        Assert.Contains(keys, k => k.EndsWith(counted, StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.EndsWith(counted == forwardedFor ? remote : forwardedFor, StringComparison.Ordinal));
    }
}
