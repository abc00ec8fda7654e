using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SeoulPolicyPortal.Web.Areas.Admin.Accounts;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Accounts;

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
    public async Task<IActionResult> SignIn(SignInInput input, [FromServices] SignInService signIns, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var result = await signIns.SignInAsync(input.Email!, input.Password!, HttpContext, cancellationToken);
        if (result.Outcome == SignInOutcome.Succeeded)
        {
            return Url.IsLocalUrl(input.ReturnUrl) ? LocalRedirect(input.ReturnUrl) : RedirectToAction("Index", "Dashboard");
        }

        if (result.Outcome == SignInOutcome.Throttled)
        {
            var seconds = Response.SetTooManyRequests(result.RetryAfter);
            ModelState.AddModelError("", seconds <= 90
                ? T["Too many failed attempts to sign in. Wait {0} seconds, then try again.", seconds]
                : T["Too many failed attempts to sign in. Wait {0} minutes, then try again.", (seconds + 59) / 60]);
        }
        else
        {
            // One message for an unknown address, a wrong password and a locked account: the form reveals no account.
            ModelState.AddModelError("", T["The email address or password is not right."]);
        }

        input.Password = null;
        return View(input);
    }

    /// <summary>Ends every session of the account, not only this browser's: a copied cookie stops working too.</summary>
    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutAsync(CancellationToken cancellationToken)
    {
        if (await signInManager.UserManager.GetUserAsync(User) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }

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
