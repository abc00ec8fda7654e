using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Areas.Admin.Shared;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin;

public static class AdminRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    /// <summary>Edits like an Editor, and also publishes or sends back drafts submitted for review.</summary>
    public const string Publisher = "Publisher";

    public static readonly IReadOnlyList<string> All = [Admin, Publisher, Editor];
}

public static class AdminPolicies
{
    /// <summary>Edits content: an Editor or an Admin.</summary>
    public const string Editor = "Editor";

    /// <summary>Publishes drafts: a Publisher or an Admin.</summary>
    public const string Publisher = "Publisher";

    /// <summary>Manages users and reads the audit log.</summary>
    public const string Admin = "Admin";
}

/// <summary>Everything under /admin: signed in as an Editor or Admin, or redirected to the sign-in page.</summary>
[Area("Admin")]
[Authorize(Policy = AdminPolicies.Editor)]
public abstract class AdminController : Controller
{
    protected const string InputPrefix = "Input";

    protected string CurrentUser => User.Identity?.Name ?? "unknown";

    /// <summary>Interface text for messages set in actions; the views use the same localizer.</summary>
    protected IStringLocalizer T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The message the page after the redirect shows.</summary>
    protected StatusMessages Status => HttpContext.RequestServices.GetRequiredService<StatusMessages>();

    /// <summary>The saved row beside the editor's stale submission; the form keeps the editor's values with the current version.</summary>
    protected Task<ConflictViewModel> ConflictWithAsync<TSnapshot>(
        ContentKind kind, EditableEntity current, TSnapshot mine, CancellationToken cancellationToken) =>
        ConflictWithAsync(current.Version, current.UpdatedBy, current.UpdatedAtUtc, kind.SnapshotJson(current), mine, cancellationToken);

    /// <summary>The same for any saved state, a draft's included: <paramref name="theirJson"/> is the newer save's snapshot.</summary>
    protected async Task<ConflictViewModel> ConflictWithAsync<TSnapshot>(
        int theirVersion, string? theirUpdatedBy, DateTime theirUpdatedAtUtc, string theirJson, TSnapshot mine, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        var names = await HttpContext.RequestServices.GetRequiredService<AdminQueries>().SnapshotNamesAsync(cancellationToken);
        return new ConflictViewModel(theirVersion, theirUpdatedBy, theirUpdatedAtUtc,
            SnapshotDiff.Compare(theirJson, JsonSerializer.Serialize(mine, ContentKind.Json), names));
    }

    /// <summary>A Publisher or an Admin: reviews, publishes, and may act on anyone's draft.</summary>
    protected bool IsPublisher => User.IsInRole(AdminRoles.Publisher) || User.IsInRole(AdminRoles.Admin);

    /// <summary>Any submit button but "save" (preview, add or remove a row) re-renders the form and saves nothing.</summary>
    protected bool IsSave(string? command) => command is null or EditCommands.Save;
}
