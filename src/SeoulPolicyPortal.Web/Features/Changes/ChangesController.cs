using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Features.Shared;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Changes;

public sealed class ChangesController(ChangeLog log, PublicAddress address, IStringLocalizer<SharedResource> localizer) : Controller
{
    [OutputCache(PolicyName = PageCache.PublicPage)]
    [HttpGet("/changes")]
    public async Task<IActionResult> Index([FromQuery] ChangeQueryString query, CancellationToken cancellationToken)
    {
        var (filter, problems) = ChangeFilter.Parse(query);
        var page = await log.QueryAsync(filter, ChangeFilter.PageSize, cancellationToken);
        return View(page with { Problems = [.. problems, .. page.Problems] });
    }

    [EndpointSummary("Published changes, newest first, as Atom 1.0: the same entries and filters as /changes.")]
    [HttpGet("/feed.atom")]
    [ContentValidators]
    [ApiExplorerSettings(IgnoreApi = false)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/atom+xml")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Feed([FromQuery] ChangeQueryString query, CancellationToken cancellationToken)
    {
        var (filter, problems) = ChangeFilter.Parse(query with { Page = null });
        if (problems.Count > 0)
        {
            return this.BadQuery(problems);
        }

        var page = await log.QueryAsync(filter, ChangeLog.FeedSize, cancellationToken);
        if (page.Problems.Count > 0)
        {
            return this.BadQuery(page.Problems);
        }

        var values = page.Filter.ToRouteValues(withPage: false);
        var title = page.Scope is null ? localizer["Seoul Policy Portal: what changed"] : localizer["Seoul Policy Portal: what changed ({0})", page.Scope];
        var feed = ChangeFeed.Write(page, title,
            address.Absolute(Request, Links.WithQuery(Url.PublicAction(nameof(Feed), "Changes"), values)),
            address.Absolute(Request, Links.WithQuery(Url.PublicAction(nameof(Index), "Changes"), values)),
            ContentValidatorsAttribute.Stamp(HttpContext).ChangedAtUtc,
            item => item.Target is { } target ? address.Absolute(Request, Url.PublicAction(target.Action, target.Controller, target.Values, target.Fragment)) : null);
        return File(feed, "application/atom+xml; charset=utf-8");
    }
}
