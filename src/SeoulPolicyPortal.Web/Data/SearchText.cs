using System.Globalization;
using System.Text;

namespace SeoulPolicyPortal.Web.Data;

/// <summary>
/// Text search matches a normalised copy stored beside each row (lower case, accents removed), so a plain
/// substring test works the same on SQLite and PostgreSQL: "san jose" finds "San José", "cote" finds "Côte".
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a search, normalised; every one must match. At most ten, so a hostile query stays cheap.</summary>
    public static string[] Terms(string? query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(10).ToArray();

    public static string ForProject(Project project, IReadOnlyDictionary<string, Country> countries)
    {
        var parts = new List<string?> { project.Title };
        foreach (var partner in project.Partners)
        {
            parts.Add(partner.Name);
            if (partner.CountryCode is not null && countries.TryGetValue(partner.CountryCode, out var country))
            {
                parts.Add(country.Name);
                parts.Add(country.Aliases.Replace('|', ' '));
            }
        }

        return Normalize(string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
    }

    public static string ForCity(City city, Country country) =>
        Normalize($"{city.Name} | {country.Name} | {country.Aliases.Replace('|', ' ')}");
}
