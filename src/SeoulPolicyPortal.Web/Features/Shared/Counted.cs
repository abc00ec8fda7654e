using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Features.Shared;

public static class Counted
{
    /// <summary>
    /// "1 project" or "12 projects": a separate key for one and for many, so that every language can say both (English
    /// needs no resource file; a language with more plural forms can still choose by the number it is given).
    /// </summary>
    public static LocalizedString Count(this IStringLocalizer localizer, int count, string one, string many) =>
        localizer[count == 1 ? one : many, count.ToString("N0", CultureInfo.CurrentCulture)];
}
