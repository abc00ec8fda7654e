using SeoulPolicyPortal.Web.Features.ApiGuide;
using SeoulPolicyPortal.Web.Features.Changes;

namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>What lets readers take the data away: exports, the change feed, the OpenAPI description, absolute links.</summary>
public static class TakeAwaySetup
{
    public static IServiceCollection AddTakeAway(this IServiceCollection services)
    {
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
