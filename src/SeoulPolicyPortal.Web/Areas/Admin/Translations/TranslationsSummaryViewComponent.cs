using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Areas.Admin.Translations;

/// <summary>The dashboard's "Translations" box: how many fields each language still lacks.</summary>
public sealed class TranslationsSummaryViewComponent(TranslationWork work) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await work.MissingAsync(HttpContext.RequestAborted));
}
