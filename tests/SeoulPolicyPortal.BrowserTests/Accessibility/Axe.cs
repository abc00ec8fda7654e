using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SeoulPolicyPortal.BrowserTests.Accessibility;

/// <summary>The axe rules every page is held to, and a failure message that says where to look.</summary>
public static class Axe
{
    // WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds no level-A rule to axe, hence no wcag22a tag).
    public static readonly AxeRunOptions WcagAandAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(WcagAandAA);
        Assert.True(result.Violations.Length == 0, Describe(what, result));
        Assert.NotEmpty(result.Passes);
    }

    public static string Describe(string path, AxeResult result)
    {
        var text = new StringBuilder($"axe found {result.Violations.Length} kind(s) of violation on {path}:");
        foreach (var violation in result.Violations)
        {
            text.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.AppendLine().Append($"    at {node.Target}: {node.Html}");
                foreach (var check in (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []))
                {
                    text.AppendLine().Append($"      {check.Message}");
                }
            }

            if (violation.Nodes.Length > 5)
            {
                text.AppendLine().Append($"    ... and {violation.Nodes.Length - 5} more");
            }
        }

        return text.ToString();
    }
}
