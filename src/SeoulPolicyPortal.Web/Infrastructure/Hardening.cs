using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
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

    /// <summary>A NUL in a query value is never meaningful, and PostgreSQL text cannot hold one: refused here, once, before any feature reads it.</summary>
    public static IApplicationBuilder UseNulQueryRejection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && context.Request.Query.Any(pair => HasNul(pair.Key) || pair.Value.Any(HasNul)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await next();
        });

    /// <summary>
    /// A form the server cannot read (a NUL character, more fields or a longer field than the limits, a broken
    /// multipart body, a body over the endpoint's size limit) is a 400 or 413 with the friendly error page, decided
    /// here once rather than by whichever part of MVC reads the form first. Place after routing, so that an endpoint's
    /// <c>[RequestSizeLimit]</c> applies before the body is read (MVC's own filter would come too late: the form is
    /// read here), and after the status-code pages, whose re-execution of the request is let through.
    /// </summary>
    public static IApplicationBuilder UseUnreadableFormRejection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.HasFormContentType && context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && context.Features.Get<IExceptionHandlerFeature>() is null)
            {
                var status = TooLarge(context) ? StatusCodes.Status413PayloadTooLarge : await RejectionAsync(context.Request);
                if (status is not null)
                {
                    context.Response.StatusCode = status.Value;
                    return;
                }
            }

            await next();
        });

    /// <summary>
    /// The largest form an endpoint without its own limit accepts: a 50 000-character Markdown field in Korean, percent-encoded,
    /// is about 450 KB, and a translation form has two; the server's own 30 MB is kept for nothing but a spreadsheet import.
    /// </summary>
    public const long DefaultFormBodyLimit = 2 * 1024 * 1024;

    /// <summary>
    /// True when the declared length is over the endpoint's limit, which is answered without reading a byte. A body
    /// without a declared length (chunked) is held to the same limit by the server while it is read.
    /// </summary>
    private static bool TooLarge(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultFormBodyLimit;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        return context.Request.ContentLength > limit;
    }

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
