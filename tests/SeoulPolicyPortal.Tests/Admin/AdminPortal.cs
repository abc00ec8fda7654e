using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Web.Areas.Admin;

namespace SeoulPolicyPortal.Tests.Admin;

/// <summary>A portal on its own database whose first Admin is created at start-up from configuration, as in production.</summary>
public class AdminPortalFactory : PortalFactory
{
    public const string AdminEmail = "first.admin@example.org";
    public const string AdminPassword = "Correct-Horse-42!";

    public AdminPortalFactory()
    {
    }

    internal AdminPortalFactory(string databasePath)
        : base(databasePath)
    {
    }

    // Tests sign in far more often than a person; the rate limit itself is tested with a low setting.
    public Dictionary<string, string> Settings { get; } = new() { ["Admin:SignInAttemptsPerMinute"] = "1000" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client with a cookie jar, signed in by submitting the real sign-in form.</summary>
    /// <summary>Creates (or resets) an account with the role, as the command line does.</summary>
    public async Task AddUserAsync(string email, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var (_, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, email, password, role, "test");
        Assert.Empty(errors);
    }

    public async Task<HttpClient> SignedInClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreatePortalClient();
        using var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

public static class AdminHttp
{
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetDocumentAsync("/admin/sign-in");
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action='/admin/sign-in']")!,
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
    }

    /// <summary>
    /// Posts a form the way a browser would: every field's current value (the antiforgery token included), the
    /// overrides, and the name/value of the submit button pressed.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, IDictionary<string, string>? overrides = null, string? command = null)
    {
        var fields = FormFields(form);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }

        if (command is not null)
        {
            fields.Add(new("command", command));
        }

        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (selected is not null)
                    {
                        fields.Add(new(name, selected.Value));
                    }

                    break;
            }
        }

        return fields;
    }

    /// <summary>
    /// The address of an item's translation form: the translations list's link (culture, kind, key) redirects to the
    /// editing pipeline's form of the translation's row, which it makes the first time.
    /// </summary>
    public static async Task<string> TranslationFormAddressAsync(this HttpClient client, string culture, string kind, string key)
    {
        using var opened = await client.GetAsync($"/admin/translations/{culture}/{kind}/{Uri.EscapeDataString(key)}");
        if (opened.IsSuccessStatusCode)
        {
            // A client that follows redirects is at the form already.
            return opened.RequestMessage!.RequestUri!.PathAndQuery;
        }

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return opened.Headers.Location!.OriginalString;
    }

    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response) =>
        await Http.ParseAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlFormElement> EditFormAsync(this HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelector<IHtmlFormElement>("form.stacked-form")!;
    }

    /// <summary>From a draft's page: submits it for review, then approves and publishes it (the client must be allowed to).</summary>
    public static async Task<IDocument> SubmitAndPublishAsync(this HttpClient client, IDocument draftPage)
    {
        static IHtmlFormElement Form(IDocument page, string action) =>
            page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Action.EndsWith(action, StringComparison.Ordinal));

        using var submitted = await client.SubmitAsync(Form(draftPage, "/submit"));
        var review = await client.FollowAsync(submitted);
        using var published = await client.SubmitAsync(Form(review, "/publish"));
        return await client.FollowAsync(published);
    }

    /// <summary>Follows a redirect after a successful POST and returns the page it leads to.</summary>
    public static async Task<IDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }
}
