using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SeoulPolicyPortal.Web.Areas.Admin.Accounts;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Throttling;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Areas.Admin;

public static class AdminSetup
{
    public static IServiceCollection AddPortalAdmin(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 6;
                // Accounts are locked only by an Admin; failed sign-ins are throttled instead (SignInService).
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "portal.auth";
            options.Cookie.HttpOnly = true;
            // Strict: the admin area is never entered from another site's link with a session that matters.
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = Hardening.CookieSecurity(environment);
            options.LoginPath = "/admin/sign-in";
            options.LogoutPath = "/admin/sign-out";
            options.AccessDeniedPath = "/admin/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            options.Events.OnRedirectToLogin = RedirectWithinTheSite;
            options.Events.OnRedirectToAccessDenied = RedirectWithinTheSite;
            options.Events.OnRedirectToLogout = RedirectWithinTheSite;
            options.Events.OnRedirectToReturnUrl = RedirectWithinTheSite;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicies.Editor, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRoles.Editor, AdminRoles.Publisher, AdminRoles.Admin))
            .AddPolicy(AdminPolicies.Publisher, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRoles.Publisher, AdminRoles.Admin))
            .AddPolicy(AdminPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRoles.Admin));

        services.Configure<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.PostConfigure<SignInThrottleOptions>(options =>
            options.AttemptsPerMinute = configuration.GetValue("Admin:SignInAttemptsPerMinute", options.AttemptsPerMinute));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ThrottleStore>();
        services.AddScoped<SignInService>();
        services.AddScoped<PasswordResets>();
        services.Configure<PasswordResetOptions>(configuration.GetSection(PasswordResetOptions.Section));
        services.AddScoped<ContentEditor>();
        services.AddScoped<AdminQueries>();
        services.AddScoped<Translations.TranslationWork>();
        services.AddHttpContextAccessor();
        services.AddScoped<Shared.StatusMessages>();
        services.AddScoped<Drafts.DraftWork>();
        services.Configure<EditorTimeZoneOptions>(configuration.GetSection(EditorTimeZoneOptions.Section));
        services.AddScoped<EditorClock>();
        services.Configure<Drafts.DraftOptions>(configuration.GetSection("Drafts"));
        services.AddHostedService<Drafts.ScheduledPublisher>();
        return services;
    }

    // The cookie handler builds absolute redirects from the request's Host header, which a client chooses; a path
    // alone sends the browser to the same host it asked, whatever Host said (AllowedHosts also refuses unknown hosts).
    private static Task RedirectWithinTheSite(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Creates the first Admin from Admin:Email and Admin:Password, only while the database has no user at all, so the
    /// settings can stay in place without ever resetting anyone's password.
    /// </summary>
    public static async Task EnsureFirstAdminAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SeoulPolicyPortal.Admin");
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.Users.AnyAsync())
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("No admin user exists; set Admin__Email and Admin__Password to create one (see docs/admin.md)");
            return;
        }

        var (_, errors) = await SetUserAsync(scope.ServiceProvider, email, password, AdminRoles.Admin, "start-up");
        if (errors.Count > 0)
        {
            // A weak or malformed password must stop start-up: an operator who set it expects to be able to sign in.
            throw new InvalidOperationException($"The first admin {email} could not be created: {string.Join(" ", errors)}");
        }

        logger.LogInformation("Created the first admin user {Email}", email);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in AdminRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>
    /// Creates the user or resets its password, gives it exactly one role, lifts any lockout and records it in the audit
    /// log. Created is false for a reset; success is an empty Errors list.
    /// </summary>
    public static async Task<(bool Created, IReadOnlyList<string> Errors)> SetUserAsync(
        IServiceProvider services, string email, string password, string role, string actedBy)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var db = services.GetRequiredService<PortalDbContext>();
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        if (!AdminRoles.All.Contains(role))
        {
            return (false, [$"The role must be one of {string.Join(", ", AdminRoles.All)}."]);
        }

        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        IdentityResult result;
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            var validation = await ValidatePasswordAsync(users, user, password);
            result = validation.Succeeded ? await ResetPasswordAsync(users, user, password) : validation;
        }

        if (!result.Succeeded)
        {
            return (false, result.Errors.Select(e => e.Description).ToList());
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Where(r => r != role));
        if (!current.Contains(role))
        {
            await users.AddToRoleAsync(user, role);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // A new password and role end every session the account had (see SessionValidation).
        await users.UpdateSecurityStampAsync(user);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = DateTime.UtcNow,
            Kind = created ? AuditKinds.UserCreated : AuditKinds.UserReset,
            Email = email,
            ActedBy = actedBy,
            Detail = AuditDetail.Of("Role {0}", role),
        });
        await db.SaveChangesAsync();
        return (created, []);
    }

    private static async Task<IdentityResult> ValidatePasswordAsync(UserManager<IdentityUser> users, IdentityUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                return result;
            }
        }

        return IdentityResult.Success;
    }

    private static async Task<IdentityResult> ResetPasswordAsync(UserManager<IdentityUser> users, IdentityUser user, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return await users.ResetPasswordAsync(user, token, password);
    }
}

public static class AuditKinds
{
    public const string SignInSucceeded = "sign-in-succeeded";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "signed-out";
    public const string UserCreated = "user-created";
    public const string UserReset = "user-reset";
    public const string RoleChanged = "role-changed";
    public const string Unlocked = "unlocked";
    public const string Locked = "locked";
    public const string ThrottleLifted = "throttle-lifted";
    public const string PasswordChanged = "password-changed";
    public const string PasswordChangeFailed = "password-change-failed";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string PasswordResetByLink = "password-reset-by-link";
}
