using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.Consultations;

/// <summary>A portal with its first Admin, optionally pointed at a test SMTP server.</summary>
public sealed class ConsultationPortal : AdminPortalFactory
{
    public ConsultationPortal(TestSmtpServer? smtp = null, string? databasePath = null)
        : base(databasePath ?? Path.Combine(Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db"))
    {
        OwnsDatabase = databasePath is null;
        Settings["Consultations:SubmissionsPerHour"] = "1000";
        foreach (var (key, value) in smtp?.PortalSettings ?? new Dictionary<string, string>())
        {
            Settings[key] = value;
        }
    }

    private bool OwnsDatabase { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && OwnsDatabase)
        {
            TemporaryDatabase.Delete(DatabasePath);
        }
    }
}

public static class ConsultationHttp
{
    public const string Email = "an.nguyen@example.org";

    /// <summary>What an official from Hanoi types, field by field; a test overrides what it is about.</summary>
    public static Dictionary<string, string> Answers(IDictionary<string, string>? overrides = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Nguyen Van An",
            ["Input.JobTitle"] = "Deputy Director",
            ["Input.Organisation"] = "Hanoi Department of Transport",
            ["Input.City"] = "Hanoi",
            ["Input.Country"] = "VN",
            ["Input.Email"] = Email,
            ["Input.Language"] = "en",
            ["Input.Topic"] = "Bus ticketing",
            ["Input.Message"] = "We would like to learn how Seoul introduced its transport card.\r\nCould an expert visit us?",
            ["Input.Consent"] = "true",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return values;
    }

    public static async Task<IHtmlFormElement> RequestFormAsync(this HttpClient client, string url = "/consultations/new")
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelector<IHtmlFormElement>("form[action='/consultations/new']")!;
    }

    /// <summary>Fills in the real form (antiforgery token included) and sends it.</summary>
    public static async Task<HttpResponseMessage> AskAsync(this HttpClient client, IDictionary<string, string>? overrides = null, string url = "/consultations/new")
    {
        var form = await client.RequestFormAsync(url);
        return await client.SubmitAsync(form, Answers(overrides));
    }

    /// <summary>Sends the form and returns the reference from the confirmation page it leads to.</summary>
    public static async Task<string> AskAndConfirmAsync(this HttpClient client, IDictionary<string, string>? overrides = null, string url = "/consultations/new")
    {
        using var response = await client.AskAsync(overrides, url);
        var confirmation = await client.FollowAsync(response);
        return confirmation.QuerySelector(".reference")!.TextContent.Trim();
    }
}

public static class Wait
{
    /// <summary>Polls until <paramref name="condition"/> holds: background work (the outbox, the retention sweep) has no event to await.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }
}
