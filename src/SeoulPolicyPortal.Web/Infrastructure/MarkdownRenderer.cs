using System.Text;
using System.Text.Encodings.Web;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>
/// The HTML of an editor's Markdown, or why it cannot be shown. <see cref="Html"/> is always safe to show: when
/// <see cref="Problem"/> is set it is the text itself, escaped, so a row saved before a limit existed still renders.
/// </summary>
public sealed record RenderedMarkdown(string Html, string? Problem)
{
    public bool IsRenderable => Problem is null;
}

/// <summary>
/// Renders editors' Markdown to HTML that is safe to show: raw HTML is escaped, not passed through, and links or
/// images whose address is not http(s), mailto or site-relative lose the address.
/// </summary>
/// <remarks>
/// Markdown is refused, not rendered, when its structure is beyond what a description needs and what Markdig parses
/// in linear time. The limits are structural and deterministic, so the same text is always accepted or always refused:
/// Markdig throws on nesting deeper than 128 levels, and some inputs far below the length limit cost it quadratic
/// time (9 999 '[' then 9 999 ']' took over a second). Those shapes are counted before parsing, per blank-line-separated
/// chunk, because inline parsing never crosses a blank line. bench/markdown.cs measures the renderer on the corpus in
/// tests/SeoulPolicyPortal.Tests/Admin/PathologicalMarkdown.cs.
/// </remarks>
public static class MarkdownRenderer
{
    public const int MaxBlockNesting = 16;
    public const int MaxInlineNesting = 16;
    public const int MaxOpenBrackets = 16;
    public const int MaxDelimiterRunsPerParagraph = 200;
    public const int MaxLinksPerParagraph = 200;
    public const int MaxTableCells = 2000;

    // The messages are resource keys (the admin views and controllers translate them); the numbers are the limits above.
    public const string NestedTooDeep = "Lists and quotes are nested more than 16 levels deep. Use fewer levels.";
    public const string InlineTooDeep = "Emphasis and links are nested more than 16 levels deep. Use fewer levels.";
    public const string TooManyOpenBrackets =
        "More than 16 square brackets are open at once. Close them, or write a bracket that is only text as \\[.";
    public const string TooManyDelimiters =
        "A paragraph has more than 200 runs of *, _, ~, ^, + or =. Split it, or write a symbol that is only text with a backslash, like \\*.";
    public const string TooManyLinks = "A paragraph has more than 200 links. Split it into several paragraphs.";
    public const string TableTooLarge = "A table or paragraph has more than 2,000 cells or '|' characters. Split it into smaller ones.";
    public const string Unreadable = "This Markdown cannot be read. Look for long runs of symbols, or write them with a backslash, like \\*.";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static RenderedMarkdown Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return new RenderedMarkdown("", null);
        }

        if (CheckText(markdown) is { } textProblem)
        {
            return Refused(markdown, textProblem);
        }

        try
        {
            var document = Markdown.Parse(markdown, Pipeline);
            if (CheckStructure(document) is { } structureProblem)
            {
                return Refused(markdown, structureProblem);
            }

            MakeLinksSafe(document);
            return new RenderedMarkdown(document.ToHtml(Pipeline), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            // Markdig's own refusals (its nesting limit throws ArgumentException) become a message for the editor.
            return Refused(markdown, Unreadable);
        }
    }

    private static void MakeLinksSafe(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }

            if (!link.IsImage && IsExternal(link.Url))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafeUrl(l.Url)))
        {
            link.Url = "#";
        }
    }

    /// <summary>One linear pass over the text for the shapes that make parsing slow.</summary>
    private static string? CheckText(string markdown)
    {
        int openBrackets = 0, delimiterRuns = 0, links = 0, pipes = 0;
        var lineIsBlank = true;
        var previous = '\0';
        if (ContainerMarkers(markdown, 0) > MaxBlockNesting)
        {
            return NestedTooDeep;
        }

        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                if (lineIsBlank)
                {
                    openBrackets = delimiterRuns = links = pipes = 0;
                }

                if (ContainerMarkers(markdown, i + 1) > MaxBlockNesting)
                {
                    return NestedTooDeep;
                }

                lineIsBlank = true;
                previous = c;
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                lineIsBlank = false;
            }

            switch (c)
            {
                case '\\':
                    // An escaped symbol is text: skip it.
                    i++;
                    previous = '\0';
                    continue;
                case '[':
                    if (++openBrackets > MaxOpenBrackets)
                    {
                        return TooManyOpenBrackets;
                    }

                    break;
                case ']':
                    openBrackets = Math.Max(0, openBrackets - 1);
                    if (i + 1 < markdown.Length && markdown[i + 1] == '(' && ++links > MaxLinksPerParagraph)
                    {
                        return TooManyLinks;
                    }

                    break;
                case '|':
                    // Each '|' is a table cell boundary; pipe tables cost more than linear time in their size.
                    if (++pipes > MaxTableCells)
                    {
                        return TableTooLarge;
                    }

                    break;
                case '*' or '_' or '~' or '^' or '+' or '=' when c != previous:
                    if (++delimiterRuns > MaxDelimiterRunsPerParagraph)
                    {
                        return TooManyDelimiters;
                    }

                    break;
            }

            previous = c;
        }

        return null;
    }

    /// <summary>
    /// How many quote and list markers open the line at <paramref name="start"/> ("> - 1. text" has three): each is a
    /// level of nesting. A line of markers alone ("- - -", "* * *") is a thematic break, not nesting, and counts none.
    /// </summary>
    private static int ContainerMarkers(string text, int start)
    {
        var depth = 0;
        var i = start;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < text.Length && text[i] == '>')
            {
                i++;
            }
            else if (i + 1 < text.Length && text[i] is '-' or '*' or '+' && text[i + 1] is ' ' or '\t')
            {
                i += 2;
            }
            else if (OrderedMarkerLength(text, i) is > 0 and var length)
            {
                i += length;
            }
            else
            {
                break;
            }

            depth++;
        }

        // Nothing but markers and spaces to the end of the line: a thematic break or empty items, not nested content.
        for (; i < text.Length && text[i] is not ('\n' or '\r'); i++)
        {
            if (text[i] is not (' ' or '\t' or '-' or '*' or '_' or '+' or '>'))
            {
                return depth;
            }
        }

        return 0;
    }

    // "12. " or "3) ": up to nine digits (CommonMark's limit), a '.' or ')', then a space or tab.
    private static int OrderedMarkerLength(string text, int start)
    {
        var i = start;
        while (i < text.Length && i - start < 9 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start && i + 1 < text.Length && text[i] is '.' or ')' && text[i + 1] is ' ' or '\t' ? i - start + 2 : 0;
    }

    private static string? CheckStructure(MarkdownDocument document)
    {
        foreach (var item in document.Descendants())
        {
            switch (item)
            {
                case QuoteBlock or ListBlock when Depth(item, o => o is QuoteBlock or ListBlock) > MaxBlockNesting:
                    return NestedTooDeep;
                // The paragraph's own root inline has no parent and is not counted.
                case ContainerInline { Parent: not null } container when Depth(container, o => o is ContainerInline { Parent: not null }) > MaxInlineNesting:
                    return InlineTooDeep;
                case Table table when table.Count * Math.Max(1, table.ColumnDefinitions.Count) > MaxTableCells:
                    return TableTooLarge;
            }
        }

        return null;
    }

    /// <summary>How many of the object's ancestors, itself included, are of the counted kind.</summary>
    private static int Depth(MarkdownObject item, Func<MarkdownObject, bool> counts)
    {
        var depth = 0;
        for (MarkdownObject? current = item; current is not null; current = Parent(current))
        {
            if (counts(current))
            {
                depth++;
            }
        }

        return depth;
    }

    private static MarkdownObject? Parent(MarkdownObject item) => item switch
    {
        Inline inline => inline.Parent,
        Block block => block.Parent,
        _ => null,
    };

    /// <summary>The text itself, escaped, one paragraph per blank-line-separated chunk: what a refused row shows.</summary>
    private static RenderedMarkdown Refused(string markdown, string problem)
    {
        var html = new StringBuilder(markdown.Length + 32);
        foreach (var paragraph in markdown.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(HtmlEncoder.Default.Encode(paragraph)).Append("</p>\n");
        }

        return new RenderedMarkdown(html.ToString(), problem);
    }

    internal static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (compact.StartsWith('/') || compact.StartsWith('#') || compact.StartsWith('?'))
        {
            return !compact.StartsWith("//", StringComparison.Ordinal) && !compact.StartsWith("/\\", StringComparison.Ordinal);
        }

        var colon = compact.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
