using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>Site-wide protections that do not belong to one feature: cookie flags, security headers, unreadable forms.</summary>
public static class Hardening
{
    /// <summary>
    /// Cookies are Secure over HTTPS and, outside Development, always: behind a TLS-terminating proxy without forwarded
    /// headers the app sees plain http, and the cookies must stay Secure all the same.
    /// </summary>
    public static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>
    /// Outside Development the admin area's sign-in cookies are Secure only, so over plain http it cannot work: such a request gets a 403 page that says to use HTTPS. Behind a TLS-terminating proxy, enable
    /// forwarded headers so that the app sees the original scheme.
    /// </summary>
    public static IApplicationBuilder UseHttpsOnlyAdmin(this IApplicationBuilder app, IHostEnvironment environment) =>
        environment.IsDevelopment()
            ? app
            : app.Use(async (context, next) =>
            {
                if (IsAdminOverPlainHttp(context, context.Request.Path))
                {
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SeoulPolicyPortal.Hardening")
                        .LogWarning("Refused {Path} over plain http; behind a TLS proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true", context.Request.Path.Value);
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await next();
            });

    internal static bool IsAdminOverPlainHttp(HttpContext context, string? path) =>
        !context.Request.IsHttps && new PathString(path).StartsWithSegments("/admin")
        && !context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();

    public static IServiceCollection AddPortalHardening(this IServiceCollection services, IHostEnvironment environment)
    {
        // Secure whenever the request is HTTPS. Not Always: the public "Ask Seoul" form must keep working where the app
        // sees plain http (antiforgery throws when an Always cookie meets http); the admin area is refused there instead.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // First of all startup filters, so the headers are on every response the app writes, host filtering's 400 too.
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SecurityHeadersFirst>());
        return services;
    }

    /// <summary>
    /// A form the server cannot read (a NUL character, more fields or a longer field than the limits, a broken
    /// multipart body) is a 400 with the friendly error page, decided here once rather than by whichever part of MVC
    /// reads the form first. Place after the status-code pages; their re-execution of the request is let through.
    /// </summary>
    public static IApplicationBuilder UseUnreadableFormRejection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // A NUL in a query value is never meaningful, and PostgreSQL text cannot hold one: refuse it here, once.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && context.Request.Query.Any(pair => HasNul(pair.Key) || pair.Value.Any(HasNul)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (context.Request.HasFormContentType && context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && context.Features.Get<IExceptionHandlerFeature>() is null
                && await RejectionAsync(context.Request) is { } status)
            {
                context.Response.StatusCode = status;
                return;
            }

            await next();
        });

    private static async Task<int?> RejectionAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own verdict on the body: 413 when it is too large, 400 when it is malformed.
            return e.StatusCode;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Over a form limit, or a multipart body that ends before its boundary says it does.
            return StatusCodes.Status400BadRequest;
        }

        return form.Any(field => HasNul(field.Key) || field.Value.Any(HasNul)) ? StatusCodes.Status400BadRequest : null;
    }

    private static bool HasNul([NotNullWhen(true)] string? text) => text is not null && text.Contains('\0');

    private sealed class SecurityHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseSecurityHeaders();
            next(app);
        };
    }
}
