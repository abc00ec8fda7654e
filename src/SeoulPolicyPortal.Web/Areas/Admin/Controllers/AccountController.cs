using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Controllers;

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(256)]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

[Route("admin")]
public sealed class AccountController(SignInManager<IdentityUser> signInManager, PortalDbContext db) : AdminController
{
    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [EnableRateLimiting(AdminPolicies.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        // lockoutOnFailure: five wrong passwords lock the account for 15 minutes, whichever instance answers.
        var result = await signInManager.PasswordSignInAsync(input.Email!, input.Password!, isPersistent: false, lockoutOnFailure: true);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = DateTime.UtcNow,
            Kind = result.Succeeded ? AuditKinds.SignInSucceeded : result.IsLockedOut ? AuditKinds.LockedOut : AuditKinds.SignInFailed,
            Email = input.Email,
            IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);

        if (result.Succeeded)
        {
            return Url.IsLocalUrl(input.ReturnUrl) ? LocalRedirect(input.ReturnUrl) : RedirectToAction("Index", "Dashboard");
        }

        // The same message for an unknown email and a wrong password, so the form does not reveal who has an account.
        ModelState.AddModelError("", result.IsLockedOut
            ? T["Too many failed sign-in attempts. This account is locked for 15 minutes."]
            : T["The email address or password is not right."]);
        input.Password = null;
        return View(input);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutAsync(CancellationToken cancellationToken)
    {
        db.AuditEvents.Add(new AuditEvent { AtUtc = DateTime.UtcNow, Kind = AuditKinds.SignedOut, Email = CurrentUser });
        await db.SaveChangesAsync(cancellationToken);
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(SignIn));
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
