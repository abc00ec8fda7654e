using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Drafts;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Infrastructure;
using SeoulPolicyPortal.Web.Infrastructure.Localization;

namespace SeoulPolicyPortal.Web.Areas.Admin.Drafts;

/// <summary>Present on a request that renders a public page with a draft applied; the layout shows a banner for it.</summary>
public sealed record DraftPreview(int DraftId, string Label);

/// <summary>
/// <c>/admin/drafts/{id}/preview</c>: the public page the draft changes, rendered by the public controller and view
/// with the draft written to the database inside a transaction that is always rolled back. So the preview is exactly
/// what publishing would show (the catalogue's counts, the map, the slug), and no public code knows drafts exist.
/// Nothing rendered from uncommitted content may outlive the request: <see cref="PublishedContentCache"/> and the page
/// cache keep nothing while a transaction is open, and the answer carries no validators and is never stored.
/// Runs before routing, so that the public address it rewrites to finds its own endpoint.
/// </summary>
public sealed class DraftPreviewMiddleware(RequestDelegate next)
{
    private const string Prefix = "/admin/drafts/";
    private const string Suffix = "/preview";

    public async Task InvokeAsync(HttpContext context, PortalDbContext db, DraftWork drafts, IAuthorizationService authorization)
    {
        if (!IsPreview(context.Request, out var draftId) || context.Features.Get<DraftPreview>() is not null)
        {
            await next(context);
            return;
        }

        // Only a signed-in editor's request is rewritten; any other falls through to DraftsController.Preview, whose
        // [Authorize] sends it to the sign-in page, and which explains a draft that cannot be previewed.
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded || !(await authorization.AuthorizeAsync(signedIn.Principal, AdminPolicies.Editor)).Succeeded
            || await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId, context.RequestAborted) is not { } draft)
        {
            await next(context);
            return;
        }

        if (!await RenderWithDraftAsync(context, db, drafts, draft, signedIn.Principal.Identity?.Name ?? "preview"))
        {
            await next(context);
        }
    }

    private async Task<bool> RenderWithDraftAsync(HttpContext context, PortalDbContext db, DraftWork drafts, Draft draft, string user)
    {
        var request = context.Request;
        var (pathBase, path, query) = (request.PathBase, request.Path, request.QueryString);
        await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
        try
        {
            EditableEntity? entity;
            try
            {
                entity = await drafts.StageForPreviewAsync(draft, user, context.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // The draft no longer fits the database (a slug someone has taken since): the draft's page says so.
                return false;
            }

            if (entity is null)
            {
                return false;
            }

            if (entity is TranslationEntry translation)
            {
                // The translation's item, on its page in the translation's language.
                PortalCultures.Enter(context, translation.Culture);
                entity = await TranslatedItemAsync(db, translation, context.RequestAborted) ?? entity;
            }

            (request.Path, request.QueryString) = await PublicAddressAsync(db, entity, context.RequestAborted);
            db.ChangeTracker.Clear();
            context.Features.Set(new DraftPreview(draft.Id, draft.Label));
            request.Headers.IfNoneMatch = default;
            request.Headers.IfModifiedSince = default;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ETag = default;
                headers.LastModified = default;
                headers.CacheControl = "no-store";
                headers["X-Robots-Tag"] = "noindex";
                return Task.CompletedTask;
            });
            await next(context);
            return true;
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            (request.PathBase, request.Path, request.QueryString) = (pathBase, path, query);
        }
    }

    private static bool IsPreview(HttpRequest request, out int draftId)
    {
        draftId = 0;
        var path = request.Path.Value;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && path is not null && path.StartsWith(Prefix, StringComparison.Ordinal) && path.EndsWith(Suffix, StringComparison.Ordinal)
            && int.TryParse(path.AsSpan(Prefix.Length, path.Length - Prefix.Length - Suffix.Length), NumberStyles.None,
                CultureInfo.InvariantCulture, out draftId);
    }

    // The public page where a reader sees the row: a project's own page, a city in its country's part of the directory,
    // an area or sub-area as the catalogue filtered by it, a country's own page, a region's part of the directory, the
    // overview for its sections, heading and figures (and for a translation of them).
    private static async Task<(PathString, QueryString)> PublicAddressAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken) =>
        entity switch
        {
            Project project => (Slug.From(project.Title) is { Length: > 0 } slug ? $"/projects/{project.Id}/{slug}" : $"/projects/{project.Id}", QueryString.Empty),
            City city => ("/cities", QueryString.Create("country", city.CountryCode)),
            Area area => ("/projects", QueryString.Create("area", area.Slug)),
            Concentration concentration => ("/projects", QueryString.Create([
                KeyValuePair.Create("area", (string?)await db.Areas.Where(a => a.Id == concentration.AreaId).Select(a => a.Slug).SingleAsync(cancellationToken)),
                KeyValuePair.Create("concentration", (string?)concentration.Slug)])),
            Country country => ($"/countries/{country.Code}", QueryString.Empty),
            Region region => ("/cities", QueryString.Create("region", region.Slug)),
            _ => ("/", QueryString.Empty),
        };

    private static async Task<EditableEntity?> TranslatedItemAsync(PortalDbContext db, TranslationEntry translation, CancellationToken cancellationToken)
    {
        var id = int.TryParse(translation.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return translation.EntityType switch
        {
            TranslatedKinds.Project => await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken),
            TranslatedKinds.City => await db.Cities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken),
            TranslatedKinds.Area => await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken),
            TranslatedKinds.Concentration => await db.Concentrations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken),
            TranslatedKinds.Country => await db.Countries.AsNoTracking().SingleOrDefaultAsync(c => c.Code == translation.EntityKey, cancellationToken),
            TranslatedKinds.Region => await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Slug == translation.EntityKey, cancellationToken),
            _ => null,
        };
    }
}
