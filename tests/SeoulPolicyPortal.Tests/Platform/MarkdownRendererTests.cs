using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Tests.Platform;

public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    public void Render_DangerousInput_NeverProducesActiveContent(string markdown)
    {
        var html = MarkdownRenderer.Render(markdown).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"java\tscript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_OrdinaryMarkdown_KeepsItsMeaning()
    {
        var html = MarkdownRenderer.Render("Some **bold** text and [a link](https://example.org/page).\n\n1. one\n2. two").Html;

        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("href=\"https://example.org/page\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
        Assert.Contains("<ol>", html);
    }
}

/// <summary>The limits that keep every saved description renderable, and fast to render.</summary>
public sealed class MarkdownLimitTests
{
    public static TheoryData<string> AcceptedNames => new(PathologicalMarkdown.Accepted.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(PathologicalMarkdown.RefusedNames), MemberType = typeof(PathologicalMarkdown))]
    public void Render_PathologicalMarkdown_IsRefusedWithItsReason(string name)
    {
        var @case = PathologicalMarkdown.Named(name);

        var rendered = MarkdownRenderer.Render(@case.Markdown);

        Assert.Equal(@case.Problem, rendered.Problem);
        // What a row saved before the limits existed shows instead: the text itself, escaped, never markup from it.
        Assert.StartsWith("<p>", rendered.Html);
        Assert.DoesNotContain("<em>", rendered.Html);
        Assert.DoesNotContain("<blockquote>", rendered.Html);
        Assert.DoesNotContain("<a ", rendered.Html);
    }

    [Theory]
    [MemberData(nameof(AcceptedNames))]
    public void Render_HeavyButReasonableMarkdown_IsAccepted(string name)
    {
        var markdown = PathologicalMarkdown.Accepted.Single(c => c.Name == name).Markdown;

        var rendered = MarkdownRenderer.Render(markdown);

        Assert.True(rendered.IsRenderable, rendered.Problem);
        Assert.NotEmpty(rendered.Html);
    }

    [Fact]
    public void Render_TheSeedDataSections_AreAccepted()
    {
        var files = Directory.GetFiles(Path.Combine(SeedFiles.Directory, "content"), "*.md");

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.True(MarkdownRenderer.Render(File.ReadAllText(file)).IsRenderable, file));
    }

    [Theory]
    [InlineData("- - - - - - - - - - - - - - - - - - - -")]
    [InlineData("* * * * * * * * * * * * * * * * * * * *")]
    [InlineData("Price: 1 + 1 = 2, a_b_c and 2 ^ 3.")]
    [InlineData("Escaped: \\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[")]
    public void Render_SymbolsThatOnlyLookLikeStructure_AreAccepted(string markdown)
    {
        Assert.True(MarkdownRenderer.Render(markdown).IsRenderable);
    }
}
