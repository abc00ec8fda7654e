using System.Text;

namespace SeoulPolicyPortal.Web.Infrastructure;

public static class Slug
{
    /// <summary>A readable URL segment: "Establishing an e-Ticketing System" becomes "establishing-an-e-ticketing-system".</summary>
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
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd('-');
    }
}
