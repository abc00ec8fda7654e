using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>
/// Views live beside their controller: Features/{Controller}/{View}.cshtml, shared ones in Features/Shared. In the admin
/// area the folder is the controller's namespace (Areas/Admin/{Feature}/{View}.cshtml, shared ones in
/// Areas/Admin/Shared), because one feature folder can hold two controllers (areas and their sub-areas).
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.AreaName is not null && context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            context.Values[FeatureKey] = ns[(ns.LastIndexOf('.') + 1)..];
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.AreaName is null
            ? ["/Features/{1}/{0}.cshtml", "/Features/Shared/{0}.cshtml", .. viewLocations]
            : context.Values.TryGetValue(FeatureKey, out var feature)
                ? [$"/Areas/{{2}}/{feature}/{{0}}.cshtml", "/Areas/{2}/Shared/{0}.cshtml", .. viewLocations]
                : ["/Areas/{2}/Shared/{0}.cshtml", .. viewLocations];
}
