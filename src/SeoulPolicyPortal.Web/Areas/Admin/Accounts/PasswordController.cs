using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Throttling;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin.Accounts;

/// <summary>The new password twice, as changing and resetting a password both ask for it.</summary>
public abstract class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Enter the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordInput : NewPasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }
}

public sealed class ResetPasswordInput : NewPasswordInput
{
    public string? Token { get; set; }
}

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(256)]
    public string? Email { get; set; }
}

public sealed record ForgotPasswordViewModel(ForgotPasswordInput Input, bool ByEmail, bool Sent, int LinkMinutes);

public sealed record ResetPasswordViewModel(ResetPasswordInput Input, ResetLinkState State);

/// <summary>An editor's own password: changing it when signed in, and a reset link by email when it is forgotten.</summary>
[Route("admin")]
public sealed class PasswordController(
    SignInManager<IdentityUser> signInManager,
    PasswordResets resets,
    ThrottleStore throttles,
    IOptions<SignInThrottleOptions> throttleOptions,
    IOptions<PasswordResetOptions> resetOptions,
    PortalDbContext db) : AdminController
{
    private UserManager<IdentityUser> Users => signInManager.UserManager;

    [HttpGet("account/password")]
    public IActionResult Change() => View(new ChangePasswordInput());

    /// <summary>
    /// Checks the current password (throttled per account like sign-in, so a session left open cannot be used to guess
    /// it), sets the new one, and ends every other session of the account while this browser stays signed in.
    /// </summary>
    [HttpPost("account/password")]
    public async Task<IActionResult> Change(ChangePasswordInput input, CancellationToken cancellationToken)
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var key = PasswordKeys.ForChange(user.Email ?? user.Id);
        if (ModelState.IsValid && await throttles.RetryAfterAsync([key], cancellationToken) is { } wait)
        {
            return Throttled(wait, input);
        }

        if (ModelState.IsValid && !await Users.CheckPasswordAsync(user, input.CurrentPassword!))
        {
            var options = throttleOptions.Value;
            await throttles.HitAsync(key, options.Policy(options.AccountFailures), cancellationToken);
            Audit(AuditKinds.PasswordChangeFailed, user.Email);
            await db.SaveChangesAsync(cancellationToken);
            ModelState.AddModelError(nameof(input.CurrentPassword), T["Your current password is not right."]);
        }

        if (ModelState.IsValid && input.NewPassword == input.CurrentPassword)
        {
            ModelState.AddModelError(nameof(input.NewPassword), T["Choose a new password that differs from the current one."]);
        }

        if (ModelState.IsValid)
        {
            var result = await Users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(input.NewPassword), error.Description);
            }
        }

        if (!ModelState.IsValid)
        {
            return Invalid(input);
        }

        // ChangePasswordAsync gave the account a new security stamp, which ends every session; this one is issued again.
        await signInManager.RefreshSignInAsync(user);
        await throttles.ClearAsync(key, cancellationToken);
        Audit(AuditKinds.PasswordChanged, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        Status.Set("Your password is changed. Your other sessions are signed out.");
        return RedirectToAction("Index", "Dashboard");
    }

    /// <summary>
    /// The editor's time zone, kept as a user claim: the sign-in cookie is issued again so this session shows times in
    /// it at once (other sessions of the account take it when they next sign in or are revalidated).
    /// </summary>
    [HttpPost("account/time-zone")]
    public async Task<IActionResult> TimeZone(string? timeZone)
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (EditorClock.Find(timeZone) is null)
        {
            ModelState.AddModelError("timeZone", T["Choose a time zone from the list."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Change), new ChangePasswordInput());
        }

        var old = (await Users.GetClaimsAsync(user)).Where(c => c.Type == EditorClock.ClaimType).ToList();
        if (old.Count > 0)
        {
            await Users.RemoveClaimsAsync(user, old);
        }

        await Users.AddClaimAsync(user, new System.Security.Claims.Claim(EditorClock.ClaimType, timeZone!));
        await signInManager.RefreshSignInAsync(user);
        Status.Set("Your time zone is saved: admin pages show times in it, and schedule forms read times in it.");
        return RedirectToAction(nameof(Change));
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult Forgot() => View(ForgotModel(new ForgotPasswordInput(), sent: false));

    /// <summary>The same answer whether or not the address has an account; only a throttled request is told to wait.</summary>
    [AllowAnonymous]
    [HttpPost("forgot-password")]
    public async Task<IActionResult> Forgot([Bind(Prefix = InputPrefix)] ForgotPasswordInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(ForgotModel(input, sent: false));
        }

        var wait = await resets.RequestAsync(input.Email!, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            Response.SetTooManyRequests(wait);
            ModelState.AddModelError("", T["Too many reset requests. Wait {0} minutes, then try again.", minutes]);
            return View(ForgotModel(input, sent: false));
        }

        return View(ForgotModel(input, sent: true));
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public async Task<IActionResult> Reset(string? token)
    {
        var link = await resets.ReadAsync(token);
        return ResetPage(new ResetPasswordInput { Token = token }, link.State);
    }

    [AllowAnonymous]
    [HttpPost("reset-password")]
    public async Task<IActionResult> Reset(ResetPasswordInput input, CancellationToken cancellationToken)
    {
        var link = await resets.ReadAsync(input.Token);
        if (link.State != ResetLinkState.Valid)
        {
            return ResetPage(input, link.State);
        }

        if (ModelState.IsValid)
        {
            var result = await resets.ResetAsync(link.User!, input.NewPassword!, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(input.NewPassword), error.Description);
            }
        }

        if (!ModelState.IsValid)
        {
            input.NewPassword = input.ConfirmPassword = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return ResetPage(input, link.State);
        }

        Status.Set("Your password is changed, and every session of your account is signed out. Sign in with the new password.");
        return RedirectToAction("SignIn", "Account");
    }

    private ViewResult ResetPage(ResetPasswordInput input, ResetLinkState state)
    {
        if (state != ResetLinkState.Valid)
        {
            // A link that cannot be used is the visitor's request gone wrong, never a server error; Gone for one that was good.
            Response.StatusCode = state == ResetLinkState.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status410Gone;
        }

        return View("Reset", new ResetPasswordViewModel(input, state));
    }

    private ForgotPasswordViewModel ForgotModel(ForgotPasswordInput input, bool sent) =>
        new(input, resets.ByEmail, sent, (int)Math.Round(resetOptions.Value.LinkLifetime.TotalMinutes));

    private ViewResult Throttled(TimeSpan wait, ChangePasswordInput input)
    {
        var seconds = Response.SetTooManyRequests(wait);
        ModelState.AddModelError("", seconds <= 90
            ? T["Too many wrong passwords. Wait {0} seconds, then try again.", seconds]
            : T["Too many wrong passwords. Wait {0} minutes, then try again.", (seconds + 59) / 60]);
        return Invalid(input, keepStatus: true);
    }

    private ViewResult Invalid(ChangePasswordInput input, bool keepStatus = false)
    {
        if (!keepStatus)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        input.CurrentPassword = input.NewPassword = input.ConfirmPassword = null;
        return View("Change", input);
    }

    private void Audit(string kind, string? email) => db.AuditEvents.Add(new AuditEvent
    {
        AtUtc = DateTime.UtcNow,
        Kind = kind,
        Email = email,
        IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
    });
}
