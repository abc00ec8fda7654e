namespace SeoulPolicyPortal.Web.Features.Shared;

/// <summary>
/// The page numbers a pager offers: the first, the last and a few either side of the current one, with null for each
/// gap. Listing every page made the unfiltered catalogue at 100 000 projects a page of 5 000 links (600 KB).
/// </summary>
public static class PageWindow
{
    public static IReadOnlyList<int?> Around(int current, int count, int reach = 2)
    {
        var shown = new SortedSet<int> { 1, Math.Max(count, 1) };
        for (var page = current - reach; page <= current + reach; page++)
        {
            if (page >= 1 && page <= count)
            {
                shown.Add(page);
            }
        }

        var pages = new List<int?>();
        foreach (var page in shown)
        {
            if (pages.Count > 0 && pages[^1] is { } previous && page - previous > 1)
            {
                // A gap of one page shows that page rather than an ellipsis standing for it.
                pages.Add(page - previous == 2 ? previous + 1 : null);
            }

            pages.Add(page);
        }

        return pages;
    }
}

/// <summary>What the shared pager (Features/Shared/_Pager.cshtml) needs: where we are, and the address of any page.</summary>
/// <param name="Label">The navigation's accessible name ("Pages of results").</param>
/// <param name="Previous">The text of the link one page back ("Previous", or "Newer" in a list that is newest first).</param>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> Link, string Label, string Previous, string Next);
