using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Users;

public sealed class NewUserInput
{
    [Required(ErrorMessage = "Enter the email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(256)]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter a first password for the user.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The password must have at least 12 characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Choose a role.")]
    public string? Role { get; set; } = AdminRoles.Editor;
}

public sealed record UsersViewModel(IReadOnlyList<UserItem> Users, NewUserInput Input);

[Route("admin/users")]
[Authorize(Policy = AdminPolicies.Admin)]
public sealed class UsersController(AdminQueries queries, UserManager<IdentityUser> users, PortalDbContext db, IServiceProvider services) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new UsersViewModel(await queries.UsersAsync(cancellationToken), new NewUserInput()));

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = InputPrefix)] NewUserInput input, CancellationToken cancellationToken)
    {
        if (input.Role is not null && !AdminRoles.All.Contains(input.Role))
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.Role)}", T["Choose a role."]);
        }

        if (input.Email is not null && await users.FindByEmailAsync(input.Email) is not null)
        {
            ModelState.AddModelError($"{InputPrefix}.{nameof(input.Email)}", T["A user with this email address already exists."]);
        }

        if (ModelState.IsValid)
        {
            var (_, errors) = await AdminSetup.SetUserAsync(services, input.Email!, input.Password!, input.Role!, CurrentUser);
            foreach (var error in errors)
            {
                ModelState.AddModelError($"{InputPrefix}.{nameof(input.Password)}", error);
            }
        }

        if (!ModelState.IsValid)
        {
            input.Password = null;
            return View("Index", new UsersViewModel(await queries.UsersAsync(cancellationToken), input));
        }

        Status.Set("The user was created.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/role")]
    public async Task<IActionResult> SetRole(string id, string? role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.UserName == CurrentUser)
        {
            // An admin who removes their own role could leave the portal with no admin at all.
            Status.Set("You cannot change your own role.");
            return RedirectToAction(nameof(Index));
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current);
        if (role is not null && AdminRoles.All.Contains(role))
        {
            await users.AddToRoleAsync(user, role);
        }

        // Ends the user's sessions at once (see SessionValidation), so a removed role stops working on the next request.
        await users.UpdateSecurityStampAsync(user);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = DateTime.UtcNow,
            Kind = AuditKinds.RoleChanged,
            Email = user.Email,
            ActedBy = CurrentUser,
            Detail = role is null ? AuditDetail.Of("No role (access removed)") : AuditDetail.Of("Role {0}", role),
        });
        await db.SaveChangesAsync(cancellationToken);
        Status.Set("The role was changed.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Locks the account until an Admin unlocks it, ending its sessions at once; signing in is refused.</summary>
    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.UserName == CurrentUser)
        {
            Status.Set("You cannot lock your own account.");
            return RedirectToAction(nameof(Index));
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        db.AuditEvents.Add(new AuditEvent { AtUtc = DateTime.UtcNow, Kind = AuditKinds.Locked, Email = user.Email, ActedBy = CurrentUser });
        await db.SaveChangesAsync(cancellationToken);
        Status.Set("The account was locked and signed out everywhere.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.AuditEvents.Add(new AuditEvent { AtUtc = DateTime.UtcNow, Kind = AuditKinds.Unlocked, Email = user.Email, ActedBy = CurrentUser });
        await db.SaveChangesAsync(cancellationToken);
        Status.Set("The account was unlocked.");
        return RedirectToAction(nameof(Index));
    }
}
