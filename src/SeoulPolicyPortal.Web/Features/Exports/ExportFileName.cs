using System.Globalization;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Exports;

/// <summary>A download's file name that says what it holds: seoul-projects-e-government-UG.csv.</summary>
public static class ExportFileName
{
    private const int MaxLength = 100;

    public static string For(string stem, string extension, params string?[] parts)
    {
        var name = stem;
        foreach (var part in parts)
        {
            // Parts are slugs, codes and years already; a search text is made one, and dropped if nothing is left.
            if (!string.IsNullOrEmpty(part) && name.Length + part.Length + 1 <= MaxLength)
            {
                name += "-" + part;
            }
        }

        return name + "." + extension;
    }

    public static string? Search(string? q) => q is null || Slug.From(q, 40) is not { Length: > 0 } slug ? null : "search-" + slug;

    public static string? Year(int? year) => year?.ToString(CultureInfo.InvariantCulture);
}
