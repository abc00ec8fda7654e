using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>
/// Markdown a hostile or careless editor can type in under 20 000 characters that Markdig refuses at render time
/// (deep nesting) or renders in quadratic time (runs of brackets and emphasis), and the limit each one must hit.
/// The tests prove each is refused at save and that no page breaks; <c>bench/markdown.cs</c> times the renderer on them.
/// </summary>
public static class PathologicalMarkdown
{
    public sealed record Case(string Name, string Markdown, string Problem);

    public static readonly IReadOnlyList<Case> Refused =
    [
        new("128 '>' then a word", new string('>', 128) + " a", MarkdownRenderer.NestedTooDeep),
        new("quotes nested 20 deep", Repeat("> ", 20) + "a", MarkdownRenderer.NestedTooDeep),
        new("'- ' 100 times then a word", Repeat("- ", 100) + "a", MarkdownRenderer.NestedTooDeep),
        new("ordered lists nested 40 deep", Repeat("1. ", 40) + "a", MarkdownRenderer.NestedTooDeep),
        new("quotes and lists nested 20 deep", Repeat("> - ", 10) + "a", MarkdownRenderer.NestedTooDeep),
        new("lists nested 20 deep by indentation",
            string.Concat(Enumerable.Range(0, 20).Select(i => new string(' ', i * 2) + "- item\n")), MarkdownRenderer.NestedTooDeep),
        new("300 '*' around a word", new string('*', 300) + "word" + new string('*', 300), MarkdownRenderer.InlineTooDeep),
        new("40 '*' around a word", new string('*', 40) + "word" + new string('*', 40), MarkdownRenderer.InlineTooDeep),
        new("strong emphasis nested 20 deep", Repeat("**x ", 20) + "a" + Repeat(" x**", 20), MarkdownRenderer.InlineTooDeep),
        new("9999 '[' then 9999 ']'", new string('[', 9999) + new string(']', 9999), MarkdownRenderer.TooManyOpenBrackets),
        new("19999 '['", new string('[', 19_999), MarkdownRenderer.TooManyOpenBrackets),
        new("'![' 9000 times", Repeat("![", 9000), MarkdownRenderer.TooManyOpenBrackets),
        new("links nested 2000 deep", new string('[', 2000) + "a" + Repeat("](/u)", 2000), MarkdownRenderer.TooManyOpenBrackets),
        new("'[a](' 4000 times", Repeat("[a](", 4000), MarkdownRenderer.TooManyLinks),
        new("'*a ' 6000 times", Repeat("*a ", 6000), MarkdownRenderer.TooManyDelimiters),
        new("'~~a ' 4000 times", Repeat("~~a ", 4000), MarkdownRenderer.TooManyDelimiters),
        new("'*_~' 6000 times", Repeat("*_~", 6000), MarkdownRenderer.TooManyDelimiters),
        new("'^~' 9000 times", Repeat("^~", 9000), MarkdownRenderer.TooManyDelimiters),
        new("table of 60 columns and 40 rows", Table(columns: 60, rows: 40), MarkdownRenderer.TableTooLarge),
        new("19000 '|'", new string('|', 19_000), MarkdownRenderer.TableTooLarge),
    ];

    /// <summary>Heavy but reasonable text just inside the limits: it must be accepted, and render fast.</summary>
    public static readonly IReadOnlyList<(string Name, string Markdown)> Accepted =
    [
        ("16 brackets deep, 500 times", Repeat(new string('[', 16) + "a" + new string(']', 16) + "\n\n", 500)),
        ("200 emphasis openers a paragraph, 30 paragraphs", Repeat(Repeat("*a ", 200) + "\n\n", 30)),
        ("200 unclosed links a paragraph, 20 paragraphs", Repeat(Repeat("[a](", 200) + "\n\n", 20)),
        ("lists nested 16 deep", Repeat("- ", 16) + "a"),
        ("table of 20 columns and 90 rows", Table(columns: 20, rows: 90)),
        ("2000 '|' a paragraph, 9 paragraphs", Repeat(new string('|', 2000) + "\n\n", 9)),
        ("19000 '<'", new string('<', 19_000)),
        ("4000 '&amp;'", Repeat("&amp;", 4000)),
        ("thematic break of 100 '- '", Repeat("- ", 100).TrimEnd()),
        ("a long, ordinary description", Repeat(
            "## Results\n\nThe **smart card** cut boarding times by _a third_; see [the report](https://example.org/report) " +
            "and [the data](/projects?area=transportation).\n\n- Phase one: 2012\n  - pilot lines\n    1. line 1\n    2. line 2\n" +
            "- Phase two: 2014\n\n> Quoted from the evaluation.\n\n| Year | Riders |\n| ---: | ---: |\n| 2012 | 1,200 |\n| 2014 | 9,800 |\n\n", 40)),
    ];

    public static TheoryData<string> RefusedNames => new(Refused.Select(c => c.Name));

    public static Case Named(string name) => Refused.Single(c => c.Name == name);

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static string Table(int columns, int rows) =>
        "|" + Repeat(" h |", columns) + "\n|" + Repeat("---|", columns) + "\n" + Repeat("|" + Repeat(" c |", columns) + "\n", rows);
}
