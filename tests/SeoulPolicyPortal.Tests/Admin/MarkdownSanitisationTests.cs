using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>The XSS corpus runs through the editor's preview and the saved public page; nothing executable may come out.</summary>
public sealed class MarkdownSanitisationTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    public static readonly string[] Corpus =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<a href=\"javascript:alert(1)\">inline html link</a>",
        "<style>body{display:none}</style>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "![image](javascript:alert(1))",
        "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](x\" onerror=\"alert(1))",
        "[ref][x]\n\n[x]: javascript:alert(1)",
        "www.example.com/\"onmouseover=\"alert(1)",
        "[click](//evil.example/phish)",
    ];

    public static TheoryData<string> Payloads => new(Corpus);

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task ProjectDescription_IsSafeInThePreviewAndOnThePublicPage(string payload)
    {
        var client = await portal.SignedInClientAsync();
        var id = await portal.WithDbAsync(db => db.Projects.Where(p => p.SeedKey == "p002").Select(p => p.Id).SingleAsync());
        var form = await client.EditFormAsync($"/admin/projects/{id}/edit");
        var markdown = $"Before the payload.\n\n{payload}\n\nAfter the payload.";

        using var preview = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.DescriptionMarkdown"] = markdown }, "preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = await preview.DocumentAsync();
        var previewHtml = previewPage.QuerySelector(".preview .prose")!;
        Assert.Contains("After the payload.", previewHtml.TextContent);
        AssertInert(previewHtml);
        Assert.Equal(markdown, previewPage.QuerySelector<IHtmlTextAreaElement>("#Input_DescriptionMarkdown")!.Value.Replace("\r\n", "\n"));

        using var saved = await client.SubmitAsync(previewPage.QuerySelector<IHtmlFormElement>("form.stacked-form")!, null, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var publicResponse = await client.GetAsync($"/projects/{id}");
        var publicPage = await client.GetDocumentAsync(publicResponse.Headers.Location!.OriginalString);
        var publicHtml = publicPage.QuerySelector("article .prose")!;
        Assert.Contains("After the payload.", publicHtml.TextContent);
        AssertInert(publicHtml);
    }

    [Fact]
    public async Task OverviewSection_WithTheWholeCorpus_IsSafeInThePreviewAndOnTheOverview()
    {
        var client = await portal.SignedInClientAsync();
        var id = await portal.WithDbAsync(db => db.ContentSections.OrderBy(s => s.Position).Select(s => s.Id).FirstAsync());
        var form = await client.EditFormAsync($"/admin/content/{id}/edit");
        var markdown = string.Join("\n\n", Corpus) + "\n\nEnd of corpus.";

        using var preview = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.BodyMarkdown"] = markdown }, "preview");
        var previewPage = await preview.DocumentAsync();
        AssertInert(previewPage.QuerySelector(".preview .prose")!);
        using var saved = await client.SubmitAsync(previewPage.QuerySelector<IHtmlFormElement>("form.stacked-form")!, null, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var overview = await client.GetDocumentAsync("/");
        var section = overview.QuerySelectorAll("section.prose").Single(s => s.TextContent.Contains("End of corpus."));
        AssertInert(section);
    }

    private static void AssertInert(IElement html)
    {
        Assert.Empty(html.QuerySelectorAll("script, iframe, object, embed, svg, style, form, input, base, meta, link"));
        foreach (var element in html.QuerySelectorAll("*").Prepend(html))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(element.Attributes, a => a.Name == "style");
            foreach (var name in new[] { "href", "src", "data", "action" })
            {
                var value = element.GetAttribute(name);
                if (value is null)
                {
                    continue;
                }

                var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                Assert.False(compact.StartsWith("javascript:") || compact.StartsWith("vbscript:") || compact.StartsWith("data:") || compact.StartsWith("//"),
                    $"<{element.LocalName} {name}=\"{value}\"> reached the reader");
            }
        }
    }
}
