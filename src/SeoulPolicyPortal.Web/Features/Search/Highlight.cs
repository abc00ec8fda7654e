using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Search;

namespace SeoulPolicyPortal.Web.Features.Search;

/// <summary>
/// Marks the words of a text that a search matched, as the index matched them: a word matches when it begins with a
/// searched word, case and accents aside. Everything is HTML-encoded; the only markup added is &lt;mark&gt;.
/// </summary>
public static class Highlight
{
    // Korean and accented letters as themselves, as the pages write them; markup characters are encoded whatever the range.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Words(string text, SearchQuery query)
    {
        var html = new StringBuilder(text.Length + 32);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                Append(html, text[start..i], Matches(text[start..i], query));
                start = -1;
            }

            if (!inWord && i < text.Length)
            {
                html.Append(Encoder.Encode(text[i].ToString()));
            }
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>The part of a long text around its first match, cut at word boundaries.</summary>
    public static string Excerpt(string text, SearchQuery query, int length = 220)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var normalized = text.ToLowerInvariant();
        var first = query.Words.Select(w => normalized.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var from = Math.Max(0, first - (length / 3));
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            from--;
        }

        var to = Math.Min(text.Length, from + length);
        while (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            to++;
        }

        return (from > 0 ? "… " : "") + text[from..to].Trim() + (to < text.Length ? " …" : "");
    }

    private static bool Matches(string word, SearchQuery query)
    {
        var plain = SearchText.Normalize(word);
        return query.Words.Any(w => plain.StartsWith(SearchText.Normalize(w), StringComparison.Ordinal));
    }

    private static void Append(StringBuilder html, string word, bool marked)
    {
        if (marked)
        {
            html.Append("<mark>").Append(Encoder.Encode(word)).Append("</mark>");
        }
        else
        {
            html.Append(Encoder.Encode(word));
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
