using System.Text;

namespace SeoulPolicyPortal.Web.Infrastructure;

public static class Slug
{
    /// <summary>
    /// A readable URL segment: "Establishing an e-Ticketing System" becomes "establishing-an-e-ticketing-system",
    /// "서울 교통카드" becomes "seoul-gyotongkadeu". Latin letters lose their accents, Hangul is romanised; other scripts
    /// are left out, so a title may give an empty slug ("!!!"): its page's address is then the id alone.
    /// </summary>
    public static string From(string text, int maxLength = 80)
    {
        var normalized = Data.SearchText.Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c is >= FirstHangulSyllable and <= LastHangulSyllable)
            {
                AppendRomanised(builder, c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd('-');
    }

    private const char FirstHangulSyllable = '\uAC00';
    private const char LastHangulSyllable = '\uD7A3';

    // Revised Romanization of Korean, syllable by syllable (the sound changes between syllables are not applied, which
    // an address does not need): a syllable is initial × 588 + medial × 28 + final, after U+AC00.
    private static readonly string[] Initials =
        ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    private static readonly string[] Medials =
        ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];

    private static readonly string[] Finals =
        ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    private static void AppendRomanised(StringBuilder builder, char syllable)
    {
        var index = syllable - FirstHangulSyllable;
        builder.Append(Initials[index / 588]).Append(Medials[index % 588 / 28]).Append(Finals[index % 28]);
    }
}
