namespace SeoulPolicyPortal.BrowserTests;

/// <summary>Every admin page reached with a GET, as the account that uses it. States reached by a POST are tested beside them.</summary>
public static class AdminPages
{
    public static readonly TheoryData<string, Account> All = new()
    {
        { "/admin/sign-in", Account.Anonymous },
        { "/admin", Account.Editor },
        { "/admin/projects", Account.Editor },
        { "/admin/projects?q=bus&area=transportation&year=2012&sort=title", Account.Editor },
        { "/admin/projects?status=archived", Account.Editor },
        { "/admin/projects/1/edit", Account.Editor },
        { "/admin/projects/new", Account.Editor },
        { "/admin/projects/1/history", Account.Editor },
        { "/admin/cities", Account.Editor },
        { "/admin/cities?region=europe", Account.Editor },
        { "/admin/cities/1/edit", Account.Editor },
        { "/admin/areas", Account.Editor },
        { "/admin/areas/1/edit", Account.Editor },
        { "/admin/concentrations/1/edit", Account.Editor },
        { "/admin/content", Account.Editor },
        { "/admin/content/1/edit", Account.Editor },
        { "/admin/requests", Account.Editor },
        { "/admin/requests?status=new&country=BR&assignee=none", Account.Editor },
        { "/admin/requests/1", Account.Editor },
        { "/admin/requests/1", Account.Admin },
        { "/admin/users", Account.Admin },
        { "/admin/throttles", Account.Admin },
        { "/admin/audit", Account.Admin },
        { "/admin/drafts", Account.Editor },
        { "/admin/projects/1/edit", Account.Admin },
        { "/admin/drafts/unpublish/projects/1", Account.Admin },
        { "/admin/account/password", Account.Editor },
        { "/admin/forgot-password", Account.Anonymous },
        { "/admin/import", Account.Editor },
        { "/admin/site-texts", Account.Editor },
        { "/admin/site-texts/1/edit", Account.Editor },
        { "/admin/figures/1/edit", Account.Editor },
        { "/admin/countries", Account.Editor },
        { "/admin/regions", Account.Editor },
        { "/admin/translations", Account.Editor },
        { "/admin/translations?culture=es&kind=section&missing=true", Account.Editor },
    };
}
