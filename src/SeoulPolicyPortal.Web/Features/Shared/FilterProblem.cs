using System.Diagnostics.CodeAnalysis;
namespace SeoulPolicyPortal.Web.Features.Shared;

/// <summary>
/// A query-string value that was not understood. <see cref="Message"/> is a resource key with {0} for the value,
/// so pages show it translated and the API shows it in problem details.
/// </summary>
public sealed record FilterProblem(string Parameter, string Message, string Value)
{
    public string Describe() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, Value);
}

public static class QueryText
{
    public const int MaxSearchLength = 100;

    /// <summary>Trims and removes control characters; returns null for nothing left.</summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var cleaned = new string(raw.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Two ASCII letters, in either case: the shape of an ISO 3166-1 alpha-2 code.</summary>
    // Null too: model binding turns a route value of only whitespace into null.
    public static bool IsCountryCode([NotNullWhen(true)] string? value) => value is { Length: 2 } && value.All(char.IsAsciiLetter);

    /// <summary>Shortens a hostile value before it is echoed back in a message.</summary>
    public static string Echo(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
