using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Accounts;

/// <summary>
/// Every request that carries the auth cookie is checked against the database: the account must still exist, be
/// unlocked and have the security stamp the cookie was issued with. Signing out, a password reset, a role change and a
/// lock all change the stamp, so they end every session of the account at once, on every instance, and a cookie
/// copied before them is refused. This replaces Identity's SecurityStampValidator, which checks only every few minutes
/// and then rebuilds the principal and reissues the cookie; this is one indexed read of two columns.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var account = userId is null
            ? null
            : await services.GetRequiredService<PortalDbContext>().Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);

        if (account is null || stamp is null || account.SecurityStamp != stamp || account.LockoutEnd > DateTimeOffset.UtcNow)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
