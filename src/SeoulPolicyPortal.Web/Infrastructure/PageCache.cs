using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>
/// Public pages kept whole in this instance's memory (ASP.NET Core output caching), keyed by the published content's
/// <see cref="ContentVersion"/> as read from the database on every request: a save through any instance changes the
/// key, so the next request of every instance renders the page again. Opt in with
/// <c>[OutputCache(PolicyName = PageCache.PublicPage)]</c>, only on pages that are the same for every anonymous reader
/// and carry no form with an antiforgery token.
/// </summary>
public static class PageCache
{
    public const string PublicPage = "PublicPage";

    public static IServiceCollection AddPortalPageCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            // Every query string is a key of its own, so a flood of made-up ones must not grow memory without bound.
            options.SizeLimit = 64 * 1024 * 1024;
            options.MaximumBodySize = 2 * 1024 * 1024;
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
            // /countries/vn redirects to /countries/VN: the two must never share an entry.
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(PublicPage, new PublicPagePolicy());
        });

    private sealed class PublicPagePolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            // A signed-in editor sees pages of their own (and may be looking at what they have just saved).
            var anonymousRead = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && http.Request.Headers.Authorization.Count == 0
                && http.Features.Get<Areas.Admin.Drafts.DraftPreview>() is null;
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = anonymousRead;
            context.AllowCacheStorage = anonymousRead;
            context.AllowLocking = true;
            if (!anonymousRead)
            {
                return;
            }

            var db = http.RequestServices.GetRequiredService<PortalDbContext>();
            var version = await PublishedContentCache.VersionAsync(db, cancellationToken);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["content"] = version.ToString(CultureInfo.InvariantCulture);
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var response = context.HttpContext.Response;
            // A cookie is someone's own (antiforgery, TempData, session); an error or redirect is not worth keeping.
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
