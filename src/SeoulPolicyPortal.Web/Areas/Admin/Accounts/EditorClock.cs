using System.Globalization;
using Microsoft.Extensions.Options;

namespace SeoulPolicyPortal.Web.Areas.Admin.Accounts;

public sealed class EditorTimeZoneOptions
{
    public const string Section = "Portal";

    /// <summary>The zone of an editor who has not chosen one (an IANA id), Portal:DefaultTimeZone.</summary>
    public string DefaultTimeZone { get; set; } = "Asia/Seoul";
}

/// <summary>A local time typed into a schedule form, as an instant; or the reason it is refused (an English key).</summary>
public sealed record LocalTimeInput(DateTime? Utc, string? Problem);

/// <summary>
/// The signed-in editor's time zone, chosen on the account page and kept as a user claim (AspNetUserClaims, so the
/// sign-in cookie carries it and every instance agrees): schedule forms read local times in it and admin pages show
/// times in it, with the zone named.
/// </summary>
public sealed class EditorClock(IHttpContextAccessor accessor, IOptions<EditorTimeZoneOptions> options)
{
    public const string ClaimType = "portal:time-zone";

    public const string DateTimeLocalFormat = "yyyy-MM-ddTHH:mm";

    private TimeZoneInfo? zone;

    /// <summary>The zones an editor may choose: the system's, by IANA id (the Docker image carries tzdata for them).</summary>
    public static IReadOnlyList<string> ZoneIds { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
        .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static TimeZoneInfo? Find(string? id) =>
        id is not null && ZoneIds.Contains(id, StringComparer.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : null;

    public TimeZoneInfo Zone => zone ??= Find(accessor.HttpContext?.User.FindFirst(ClaimType)?.Value) ?? DefaultZone;

    public TimeZoneInfo DefaultZone => Find(options.Value.DefaultTimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>"2026-11-27 17:40 (Asia/Seoul)": an instant in the editor's zone, with the zone named.</summary>
    public string Show(DateTime utc) => $"{Local(utc)} ({Zone.Id})";

    /// <summary>An instant in the editor's zone, for a table whose heading names the zone.</summary>
    public string Local(DateTime utc, string format = "yyyy-MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a datetime-local value in the editor's zone. A time the clocks skip (spring forward) is refused with a
    /// message; a time that happens twice (fall back) is taken at its first occurrence, the earlier instant.
    /// </summary>
    public LocalTimeInput ToUtc(string? text, DateTime nowUtc)
    {
        if (!DateTime.TryParseExact(text?.Trim(), [DateTimeLocalFormat, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new(null, "Enter a date and a time, such as 2030-05-01 09:00.");
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return new(null, "That time does not exist in your time zone: the clocks skip it. Choose a time outside the change.");
        }

        var utc = Zone.IsAmbiguousTime(local)
            ? DateTime.SpecifyKind(local - Zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, Zone);
        return utc < nowUtc.AddMinutes(-1) ? new(null, "Enter a date and time that is still to come.") : new(utc, null);
    }
}
