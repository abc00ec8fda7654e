using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Data;

/// <summary>
/// An audit event's detail is stored as its English template and the values that fill it, so that the log reads in the
/// reader's language however long ago the event was written. A detail that is plain data (a throttle key, a draft's
/// subject and label), or one written before this format, is shown as it is.
/// </summary>
public static class AuditDetail
{
    private sealed record Stored(string Text, string[] Values);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stored form of a sentence: <paramref name="text"/> must be a literal, so that it can be translated.</summary>
    public static string Of(string text, params object[] values) =>
        JsonSerializer.Serialize(new Stored(text, values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray()), Json);

    public static string Read(IStringLocalizer t, string? detail)
    {
        if (detail is null || !detail.StartsWith("{\"text\":", StringComparison.Ordinal))
        {
            return detail ?? "";
        }

        try
        {
            return JsonSerializer.Deserialize<Stored>(detail, Json) is { Text: not null } stored
                ? t[stored.Text, stored.Values ?? []]
                : detail;
        }
        catch (JsonException)
        {
            // Cut at the column's length, or not ours after all: the raw text says more than nothing.
            return detail;
        }
    }
}
