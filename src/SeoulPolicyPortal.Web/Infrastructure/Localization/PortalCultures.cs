using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace SeoulPolicyPortal.Web.Infrastructure.Localization;

/// <summary>
/// The reader's language is part of the address: <c>/ko/projects</c>, <c>/es/cities</c>, English at <c>/</c>. The
/// leading segment is moved into <c>Request.PathBase</c>, so routing sees the same paths in every language and every
/// link that routing, tag helpers or <c>~/</c> build carries the prefix without knowing about it. Pages never follow
/// Accept-Language (one address, one language, cacheable); the data endpoints and the admin area, whose addresses
/// have no prefix, take <c>?lang=</c> or Accept-Language.
/// </summary>
public static class PortalCultures
{
    private const string CultureItem = "portal.culture";
    private const string SiteBaseItem = "portal.site-base";

    /// <summary>The configured cultures, default first (<c>Localization:Cultures</c>).</summary>
    public static IReadOnlyList<string> Names { get; private set; } = ["en"];

    public static string Default => Names[0];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        Names = configuration.GetSection("Localization:Cultures").Get<string[]>() is { Length: > 0 } names ? names : ["en"];
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Names.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(cultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(FromAddress(context))),
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        // The antiforgery cookie would otherwise take the culture prefix as its path, and a reader who switches
        // language would carry two of them.
        // Korean written as itself rather than as &#xAC1C; escapes (three times the bytes); markup characters are
        // still encoded whatever the range.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<AntiforgeryOptions>(options => options.Cookie.Path = "/");
        return services;
    }

    /// <summary>Recognises the culture segment; runs before anything that looks at the path.</summary>
    public static IApplicationBuilder UseCultureInAddress(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        context.Items[SiteBaseItem] = request.PathBase;
        if (IsNegotiated(request.Path) && !request.Path.StartsWithSegments("/admin"))
        {
            // The same address answers in the language asked for, so shared caches must key on it too.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Append("Vary", "Accept-Language");
                return Task.CompletedTask;
            });
        }

        foreach (var name in Names.Skip(1))
        {
            if (request.Path.StartsWithSegments("/" + name, StringComparison.OrdinalIgnoreCase, out var rest))
            {
                // The admin area has one address per page; its language follows the editor's browser.
                if (rest.StartsWithSegments("/admin"))
                {
                    context.Response.Redirect(request.PathBase + rest + request.QueryString);
                    return Task.CompletedTask;
                }

                context.Items[CultureItem] = name;
                request.PathBase = request.PathBase.Add("/" + name);
                request.Path = rest.HasValue ? rest : "/";
                break;
            }
        }

        return next(context);
    });

    /// <summary>
    /// Makes the rest of the request one in <paramref name="culture"/>, as if its address had begun with it: for a request
    /// rewritten after the address was read (a draft preview of a translation renders the page in its language).
    /// </summary>
    public static void Enter(HttpContext context, string culture)
    {
        if (culture != Default)
        {
            context.Items[CultureItem] = culture;
            context.Request.PathBase = context.Request.PathBase.Add("/" + culture);
        }

        var info = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = info;
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(info), provider: null));
    }

    private static ProviderCultureResult? FromAddress(HttpContext context)
    {
        if (context.Items[CultureItem] is string culture)
        {
            return new ProviderCultureResult(culture);
        }

        return IsNegotiated(context.Request.Path) ? null : new ProviderCultureResult(Default);
    }

    /// <summary>Addresses whose language is asked for rather than written in the address: data and the admin area.</summary>
    public static bool IsNegotiated(PathString path)
    {
        var value = path.Value ?? "";
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/admin") || value == "/feed.atom"
            || value.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || value.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The current culture's name as the address writes it ("en", "ko").</summary>
    public static string Current => Names.FirstOrDefault(n => CultureInfo.CurrentUICulture.Name.StartsWith(n, StringComparison.OrdinalIgnoreCase)) ?? Default;

    /// <summary>
    /// The site-relative address of a page in another language. <paramref name="page"/> is an address routing made
    /// under this request (its culture prefix is replaced); without it, the current page with its query string.
    /// </summary>
    public static string AddressIn(HttpContext context, string culture, string? page = null)
    {
        var siteBase = (context.Items[SiteBaseItem] is PathString b ? b : PathString.Empty).Value ?? "";
        var pathBase = context.Request.PathBase.Value ?? "";
        var relative = page is null
            ? CurrentPage(context).ToUriComponent() + context.Request.QueryString.ToUriComponent()
            : pathBase.Length > 0 && page.StartsWith(pathBase, StringComparison.Ordinal) ? page[pathBase.Length..] : page;
        var prefix = culture == Default ? "" : "/" + culture;
        var address = siteBase + prefix + (relative == "/" && prefix.Length > 0 ? "" : relative);
        return address.Length == 0 ? "/" : address;
    }

    private static PathString CurrentPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } original ? new PathString(original) : context.Request.Path;
}
