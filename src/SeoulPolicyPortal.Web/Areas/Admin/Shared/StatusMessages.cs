using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace SeoulPolicyPortal.Web.Areas.Admin.Shared;

/// <summary>
/// The one-line message the page after a redirect shows ("Saved. Readers see the change now."). An action sets the
/// English text; the layout takes it once and shows it in the reader's language, so the message follows the language
/// of the page that shows it. Kept in TempData (the antiforgery-protected cookie), so it survives the redirect and any
/// instance can show it.
/// </summary>
public sealed class StatusMessages(ITempDataDictionaryFactory tempData, IHttpContextAccessor accessor, IStringLocalizer<SharedResource> localizer)
{
    private const string Key = "Status";

    private ITempDataDictionary TempData =>
        tempData.GetTempData(accessor.HttpContext ?? throw new InvalidOperationException("A status message needs a request."));

    /// <param name="english">The message in English, the key of its translations in SharedResource.</param>
    public void Set(string english) => TempData[Key] = english;

    /// <summary>The message set by the previous request, translated, or null; it is shown once.</summary>
    public string? Take() => TempData[Key] is string english ? localizer[english].Value : null;
}
