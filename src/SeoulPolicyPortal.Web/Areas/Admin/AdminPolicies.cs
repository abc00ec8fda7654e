using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SeoulPolicyPortal.Web.Areas.Admin;

public static class AdminRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Admin, Editor];
}

public static class AdminPolicies
{
    /// <summary>Edits content: an Editor or an Admin.</summary>
    public const string Editor = "Editor";

    /// <summary>Manages users and reads the audit log.</summary>
    public const string Admin = "Admin";

    public const string SignInRateLimit = "sign-in";
}

/// <summary>Everything under /admin: signed in as an Editor or Admin, or redirected to the sign-in page.</summary>
[Area("Admin")]
[Authorize(Policy = AdminPolicies.Editor)]
public abstract class AdminController : Controller
{
    protected string CurrentUser => User.Identity?.Name ?? "unknown";
}
