using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SeoulPolicyPortal.Web.Areas.Admin.Editing;

/// <summary>
/// Marks a field whose value was refused: aria-invalid, and aria-describedby pointing at its message, so a screen
/// reader announces the error with the field (WCAG 3.3.1). Runs after the built-in tag helpers have set the id.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaInvalidTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.GetFieldValidationState(name) != ModelValidationState.Invalid)
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var errorId = ValidationMessageIdTagHelper.ErrorId(name);
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {errorId}" : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }
}

/// <summary>Gives a field's validation message the id its field's aria-describedby points at.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class ValidationMessageIdTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        output.Attributes.SetAttribute("id", ErrorId(name));
    }

    /// <summary>The id of a field's message; the field's aria-describedby must name exactly this.</summary>
    internal static string ErrorId(string fullFieldName) => TagBuilder.CreateSanitizedId(fullFieldName, "_") + "-error";
}
