using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SeoulPolicyPortal.BrowserTests.Budget;

/// <summary>What a first visit costs on a slow phone connection, and that nothing is fetched from anyone else.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageWeightTests(BrowserPortal portal, ITestOutputHelper output) : BrowserTest(portal)
{
    private const long BudgetBytes = 100 * 1024;

    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    public Task PublicPage_FirstVisit_StaysUnderTheBudgetAndOnTheOrigin(string path) => InBrowserAsync(async page =>
    {
        // A fresh context has an empty cache; the browser sends its own Accept-Encoding, so sizes are as served.
        var requests = new ConcurrentQueue<IRequest>();
        page.Request += (_, request) => requests.Enqueue(request);

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var counted = new List<(string Url, string Type, long Bytes, string? Encoding)>();
        foreach (var request in requests.Where(r => r.ResourceType is "document" or "stylesheet" or "script"))
        {
            var response = await request.ResponseAsync();
            Assert.NotNull(response);
            var sizes = await request.SizesAsync();
            counted.Add((request.Url, request.ResourceType, sizes.ResponseHeadersSize + sizes.ResponseBodySize,
                await response.HeaderValueAsync("content-encoding")));
        }

        var total = counted.Sum(c => c.Bytes);
        var report = string.Join("\n", counted.Select(c => $"  {c.Type,-10} {c.Bytes,8:N0} B {c.Encoding ?? "identity",-8} {c.Url}"));
        output.WriteLine($"{path}: {total:N0} bytes\n{report}");
        Assert.True(total < BudgetBytes, $"{path} weighs {total:N0} bytes (budget {BudgetBytes:N0}):\n{report}");
        Assert.Contains(counted, c => c.Type == "document");
        Assert.Contains(counted, c => c.Type == "stylesheet");
        // Text responses of any size are compressed as served (the small redirect has no body worth compressing).
        Assert.All(counted.Where(c => c.Bytes > 1400), c => Assert.NotNull(c.Encoding));

        var elsewhere = requests.Select(r => r.Url).Where(url => !url.StartsWith(Portal.Origin + "/", StringComparison.Ordinal)).ToList();
        Assert.True(elsewhere.Count == 0, $"{path} made requests off its origin:\n  {string.Join("\n  ", elsewhere)}");
    }, variant: path);
}
