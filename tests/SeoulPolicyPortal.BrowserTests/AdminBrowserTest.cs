using Microsoft.Playwright;

namespace SeoulPolicyPortal.BrowserTests;

public enum Account
{
    Anonymous,
    Editor,
    Admin,
}

/// <summary>A browser test against the admin collection's portal, optionally already signed in.</summary>
public abstract class AdminBrowserTest(AdminBrowserPortal portal) : BrowserTest(portal)
{
    protected AdminBrowserPortal Admin { get; } = portal;

    /// <summary>The device's options with the cookies of a session signed in through the form (none for Anonymous).</summary>
    protected async Task<BrowserNewContextOptions> SignedInAsync(Account account, BrowserNewContextOptions? device = null)
    {
        var options = new BrowserNewContextOptions(device ?? Desktop);
        options.StorageState = account switch
        {
            Account.Editor => await Admin.SignedInStateAsync(AdminBrowserPortal.EditorEmail, AdminBrowserPortal.EditorPassword),
            Account.Admin => await Admin.SignedInStateAsync(AdminBrowserPortal.AdminEmail, AdminBrowserPortal.AdminPassword),
            _ => null,
        };
        return options;
    }
}
