using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Drafts;

namespace SeoulPolicyPortal.Web.Areas.Admin.Drafts;

public sealed record DraftsSummary(int Writing, IReadOnlyList<DraftItem> AwaitingReview, int AwaitingReviewCount, IReadOnlyList<DraftItem> Scheduled, int ScheduledCount);

/// <summary>The dashboard's "Drafts" box: what waits for a reviewer (oldest first) and what is scheduled (soonest first).</summary>
public sealed class DraftsSummaryViewComponent(PortalDbContext db) : ViewComponent
{
    private const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var counts = await db.Drafts.AsNoTracking().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(DraftStatus status) => counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0;
        var awaiting = await db.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.Submitted).OrderBy(d => d.UpdatedAtUtc).Take(Shown)
            .ToListAsync(cancellationToken);
        var scheduled = await db.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.Scheduled).OrderBy(d => d.PublishAtUtc).Take(Shown)
            .ToListAsync(cancellationToken);
        return View(new DraftsSummary(Count(DraftStatus.Draft), awaiting.Select(DraftItem.From).ToList(), Count(DraftStatus.Submitted),
            scheduled.Select(DraftItem.From).ToList(), Count(DraftStatus.Scheduled)));
    }
}
