using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Translations;

public sealed record TranslationListViewModel(
    string Culture, string? Kind, bool MissingOnly, IReadOnlyList<MissingCount> Counts, IReadOnlyList<TranslatableItem> Items);

/// <param name="Texts">What the translator typed, by field (kept when the form is shown again with a problem).</param>
public sealed record TranslationEditViewModel(string Culture, TranslatableItem Item, IReadOnlyDictionary<string, string?> Texts);

/// <summary>Translations of content into the portal's other languages, edited beside the English original.</summary>
[Route("admin/translations")]
public sealed class TranslationsController(TranslationWork work) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? culture, string? kind, bool missing = false, CancellationToken cancellationToken = default)
    {
        culture = TranslationWork.IsCulture(culture) ? culture! : TranslationWork.Cultures.First();
        kind = TranslationWork.Kinds.Any(k => k.Kind == kind) ? kind : null;
        var items = await work.ItemsAsync(culture, kind ?? TranslationWork.Kinds[0].Kind, cancellationToken);
        return View(new TranslationListViewModel(culture, kind, missing, await work.MissingAsync(cancellationToken),
            missing ? items.Where(i => i.Missing > 0).ToList() : items));
    }

    [HttpGet("{culture}/{kind}/{key}")]
    public async Task<IActionResult> Edit(string culture, string kind, string key, CancellationToken cancellationToken)
    {
        var item = TranslationWork.IsCulture(culture) ? await work.ItemAsync(culture, kind, key, cancellationToken) : null;
        return item is null ? NotFound() : View(new TranslationEditViewModel(culture, item, item.Fields.ToDictionary(f => f.Field, f => f.Translated)));
    }

    [HttpPost("{culture}/{kind}/{key}")]
    public async Task<IActionResult> Edit(string culture, string kind, string key, [FromForm] Dictionary<string, string?> texts, CancellationToken cancellationToken)
    {
        var item = TranslationWork.IsCulture(culture) ? await work.ItemAsync(culture, kind, key, cancellationToken) : null;
        if (item is null)
        {
            return NotFound();
        }

        var typed = item.Fields.ToDictionary(f => f.Field, f => texts.GetValueOrDefault("texts[" + f.Field + "]") ?? texts.GetValueOrDefault(f.Field));
        foreach (var field in item.Fields)
        {
            var text = typed[field.Field];
            if (text is not null && text.Length > field.MaxLength)
            {
                ModelState.AddModelError("texts_" + field.Field, T["The text can be at most {0} characters.", field.MaxLength.ToString("N0", CultureInfo.CurrentCulture)]);
            }
            else if (field.IsMarkdown && !string.IsNullOrWhiteSpace(text) && MarkdownRenderer.Render(text).Problem is { } problem)
            {
                ModelState.AddModelError("texts_" + field.Field, T[problem]);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new TranslationEditViewModel(culture, item, typed));
        }

        await work.SaveAsync(culture, item, typed, CurrentUser, cancellationToken);
        Status.Set("Saved. Readers see the change now.");
        return RedirectToAction(nameof(Index), new { culture, kind });
    }
}
