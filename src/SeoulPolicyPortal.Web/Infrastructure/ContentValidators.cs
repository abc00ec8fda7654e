using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>
/// For a GET whose answer depends only on published content and the request itself (address, culture): an ETag and a
/// Last-Modified taken from <see cref="ContentVersion"/>, and a 304 without running the action when the client's copy
/// is still current. "no-cache" lets any cache keep the answer but makes it ask again each time, so an editor's save
/// is never hidden behind a stale copy; the question costs one scalar query.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ContentValidatorsAttribute : Attribute, IAsyncResourceFilter
{
    public const string CacheControl = "public, no-cache";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            await next();
            return;
        }

        var stamp = await PublishedContentCache.StampAsync(http.RequestServices.GetRequiredService<PortalDbContext>(), http.RequestAborted);
        http.Items[typeof(ContentStamp)] = stamp;
        var etag = ETag(stamp, http.Request);
        // HTTP dates have whole seconds; a finer time would never compare equal to what the client sends back.
        var lastModified = new DateTimeOffset(stamp.ChangedAtUtc.Ticks - stamp.ChangedAtUtc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (IsNotModified(http.Request.GetTypedHeaders(), etag, lastModified))
        {
            SetValidators(http.Response, etag, lastModified);
            context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
            return;
        }

        http.Response.OnStarting(() =>
        {
            // Refusals (400, 404) are not content and are not validated.
            if (http.Response.StatusCode == StatusCodes.Status200OK)
            {
                SetValidators(http.Response, etag, lastModified);
            }

            return Task.CompletedTask;
        });
        await next();
    }

    /// <summary>The content version this request's validators were made from, for an answer that states its date.</summary>
    public static ContentStamp Stamp(HttpContext context) =>
        context.Items[typeof(ContentStamp)] as ContentStamp ?? throw new InvalidOperationException("The action has no [ContentValidators].");

    private static void SetValidators(HttpResponse response, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.CacheControl = CacheControl;
    }

    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        // RFC 9110 13.2.2: If-None-Match decides when present; If-Modified-Since is read only without it.
        if (request.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && since >= lastModified;
    }

    // Weak: the same content version and request give equivalent answers, not byte-identical ones (a workbook's zip
    // entries carry the time they were written, compression varies).
    private static EntityTagHeaderValue ETag(ContentStamp stamp, HttpRequest request)
    {
        var key = string.Join('\n', request.Scheme, request.Host.Value, request.PathBase.Value, request.Path.Value,
            request.QueryString.Value, CultureInfo.CurrentUICulture.Name);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
        return new EntityTagHeaderValue($"\"{stamp.Version.ToString(CultureInfo.InvariantCulture)}-{hash}\"", isWeak: true);
    }
}
