using AngleSharp.Dom;
using System.Net;
using SeoulPolicyPortal.Web.Infrastructure;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SeoulPolicyPortal.Tests.Admin;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Consultations;

public sealed class SubmissionTests
{
    [Fact]
    public async Task AskingFromAProjectPage_PrefillsTheTopic_StoresTheRequest_AndMailsTheOfficialAndTheEditors()
    {
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        using var portal = new ConsultationPortal(smtp);
        var client = portal.CreatePortalClient();
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Area).SingleAsync(p => p.SeedKey == "p001"));

        var projectPage = await client.GetDocumentAsync($"/projects/{project.Id}/{SeoulPolicyPortal.Web.Infrastructure.Slug.From(project.Title)}");
        var ask = projectPage.QuerySelector<IHtmlAnchorElement>(".ask-seoul a")!;
        Assert.Equal($"/consultations/new?aboutProject={project.Id}", ask.GetAttribute("href"));
        var form = await client.RequestFormAsync(ask.GetAttribute("href")!);
        Assert.Contains(project.Title, form.QuerySelector<IHtmlInputElement>("#Input_Topic")!.Value);
        Assert.Equal(project.Id.ToString(), form.QuerySelector<IHtmlInputElement>("#Input_AboutProject")!.Value);

        var answers = ConsultationHttp.Answers();
        answers.Remove("Input.Topic");
        using var response = await client.SubmitAsync(form, answers);
        var confirmation = await client.FollowAsync(response);

        var reference = confirmation.QuerySelector(".reference")!.TextContent.Trim();
        Assert.Matches(@"^SPS-\d{4}-00001$", reference);
        Assert.Equal($"/consultations/sent/{reference}", response.Headers.Location!.OriginalString);
        var stored = await portal.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().SingleAsync());
        Assert.Equal((reference, ConsultationStatus.New, "Nguyen Van An", "VN", ConsultationHttp.Email), (stored.Reference, stored.Status, stored.Name, stored.CountryCode, stored.Email));
        Assert.Equal((project.Id, project.AreaId), (stored.AboutProjectId, stored.AreaId));
        Assert.Equal("We would like to learn how Seoul introduced its transport card.\nCould an expert visit us?", stored.Message);

        var acknowledgement = (await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == ConsultationHttp.Email))).Single();
        Assert.Contains(reference, acknowledgement.Subject);
        Assert.Contains($"Your reference: {reference}", acknowledgement.TextBody);
        Assert.Contains("Dear Nguyen Van An,", acknowledgement.TextBody);
        Assert.Null(acknowledgement.HtmlBody);
        Assert.Equal("portal@example.org", acknowledgement.From.Mailboxes.Single().Address);
        Assert.Equal("auto-generated", acknowledgement.Headers["Auto-Submitted"]);

        var notification = (await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == AdminPortalFactory.AdminEmail))).Single();
        Assert.Contains(reference, notification.Subject);
        Assert.Contains("Hanoi Department of Transport, Hanoi, Vietnam", notification.TextBody);
        Assert.Contains($"Asked from: {project.Title}", notification.TextBody);
        // The notice points to the portal; the requester's address and message stay out of editors' mailboxes.
        Assert.DoesNotContain(ConsultationHttp.Email, notification.TextBody);
        Assert.DoesNotContain("transport card", notification.TextBody);
    }

    [Fact]
    public async Task AreaAndCountryPages_LinkToTheFormAboutThem()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        var catalogue = await client.GetDocumentAsync("/projects?area=transportation");
        var areaLink = catalogue.QuerySelector<IHtmlAnchorElement>(".ask-seoul a")!.GetAttribute("href")!;
        var country = await client.GetDocumentAsync("/countries/VN");
        var countryLink = country.QuerySelector<IHtmlAnchorElement>(".ask-seoul a")!.GetAttribute("href")!;
        var unfiltered = await client.GetDocumentAsync("/projects");

        Assert.Equal("/consultations/new?aboutArea=transportation", areaLink);
        Assert.Equal("/consultations/new?aboutCountry=VN", countryLink);
        Assert.Null(unfiltered.QuerySelector(".ask-seoul"));
        var areaForm = await client.RequestFormAsync(areaLink);
        Assert.Equal("transportation", areaForm.QuerySelector<IHtmlInputElement>("#Input_AboutArea")!.Value);
        Assert.Contains("Transportation", areaForm.QuerySelector<IHtmlInputElement>("#Input_Topic")!.Value);
        var countryForm = await client.RequestFormAsync(countryLink);
        Assert.Contains("Vietnam", countryForm.QuerySelector<IHtmlInputElement>("#Input_Topic")!.Value);

        var reference = await client.AskAndConfirmAsync(url: areaLink);
        var stored = await portal.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().Include(r => r.Area).SingleAsync(r => r.Reference == reference));
        Assert.Equal("transportation", stored.Area!.Slug);
        Assert.Equal(stored.AreaId, stored.AboutAreaId);
    }

    [Fact]
    public async Task UnknownPageIds_OpenTheGeneralForm()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        var form = await client.RequestFormAsync("/consultations/new?aboutProject=999999&aboutArea=nope");

        Assert.Equal("", form.QuerySelector<IHtmlInputElement>("#Input_AboutProject")!.Value);
        Assert.Equal("", form.QuerySelector<IHtmlInputElement>("#Input_Topic")!.Value);
    }

    [Fact]
    public async Task InvalidForm_Is400_WithASummaryLinkedToTheFields_KeepsWhatWasTyped_AndStoresNothing()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        using var response = await client.AskAsync(new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Email"] = "not an address",
            ["Input.Country"] = "other",
            ["Input.OtherCountryName"] = "",
            ["Input.Consent"] = "false",
            ["Input.Message"] = "Kept <b>exactly</b> as typed",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.DocumentAsync();
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(new[] { "#Input_Name", "#Input_OtherCountryName", "#Input_Email", "#Input_Consent" }.Order(), links.Order());
        Assert.Equal("true", page.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
        Assert.Equal("Input_Email-error", page.QuerySelector("#Input_Email")!.GetAttribute("aria-describedby")!.Split(' ').Last());
        Assert.Equal("not an address", page.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Equal("Kept <b>exactly</b> as typed", page.QuerySelector<IHtmlTextAreaElement>("#Input_Message")!.Value);
        Assert.Equal("Hanoi Department of Transport", page.QuerySelector<IHtmlInputElement>("#Input_Organisation")!.Value);
        Assert.Equal(0, await portal.WithDbAsync(db => db.ConsultationRequests.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    public static readonly TheoryData<string, string, string> Malformed = new()
    {
        { "Input.Email", "an@example.org\r\nBcc: victim@example.org", "#Input_Email" },
        { "Input.Email", "Someone <an@example.org>", "#Input_Email" },
        { "Input.Email", "an@example.org, victim@example.org", "#Input_Email" },
        { "Input.Country", "ZZ", "#Input_Country" },
        { "Input.Country", "<script>", "#Input_Country" },
        { "Input.Language", "klingon", "#Input_Language" },
        { "Input.Message", new string('x', 5001), "#Input_Message" },
        { "Input.Name", new string('x', 201), "#Input_Name" },
        { "Input.AboutProject", "1 OR 1=1", "" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedOrOversizedValue_Is400_AndStoresNothing(string field, string value, string summaryLink)
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        using var response = await client.AskAsync(new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = (await response.DocumentAsync()).QuerySelector(".error-summary")!;
        if (summaryLink.Length > 0)
        {
            Assert.Contains(summaryLink, summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        }
        else
        {
            Assert.Contains("was not recognised", summary.TextContent);
        }

        Assert.Equal(0, await portal.WithDbAsync(db => db.ConsultationRequests.CountAsync()));
    }

    [Fact]
    public async Task AFormOverTheSiteWideBodyLimit_Is413BeforeItIsRead_AndStoresNothing()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        using var response = await client.AskAsync(new Dictionary<string, string> { ["Input.Message"] = new string('x', (int)Hardening.DefaultFormBodyLimit) });

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("could not be read", body);
        Assert.Equal(0, await portal.WithDbAsync(db => db.ConsultationRequests.CountAsync()));
    }

    [Fact]
    public async Task MessageOf5000CharactersWithWindowsLineBreaks_IsAccepted()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();
        var lines = string.Join("\r\n", Enumerable.Repeat(new string('가', 99), 50));

        var reference = await client.AskAndConfirmAsync(new Dictionary<string, string> { ["Input.Message"] = lines });

        var stored = await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.Message).SingleAsync());
        Assert.Equal(5000 - 1, stored!.Length);
    }

    [Fact]
    public async Task BodyOverTheSizeLimit_IsRefusedWithA4xx_AndStoresNothing()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();
        var form = await client.RequestFormAsync();
        var fields = AdminHttp.FormFields(form);
        fields.RemoveAll(f => f.Key == "Input.Message");
        fields.AddRange(ConsultationHttp.Answers().Where(a => a.Key != "Input.Message" && fields.All(f => f.Key != a.Key)));
        fields.Add(new("Input.Message", new string('x', 300_000)));

        using var response = await client.PostAsync("/consultations/new", new FormUrlEncodedContent(fields));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.WithDbAsync(db => db.ConsultationRequests.CountAsync()));
    }

    [Fact]
    public async Task ForgedSubmission_WithoutTheAntiforgeryToken_Is400_AndStoresNothing()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        using var response = await client.PostAsync("/consultations/new", new FormUrlEncodedContent(ConsultationHttp.Answers()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.ConsultationRequests.CountAsync()));
    }

    [Fact]
    public async Task JsonInsteadOfAForm_IsA4xx_AndStoresNothing()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();
        await client.RequestFormAsync();

        using var response = await client.PostAsync("/consultations/new",
            new StringContent("{\"Input.Name\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(0, await portal.WithDbAsync(db => db.ConsultationRequests.CountAsync()));
    }

    [Fact]
    public async Task FilledHoneypot_IsRefused_AndNothingIsStoredOrMailed()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        using var response = await client.AskAsync(new Dictionary<string, string> { ["Input.Website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("could not be accepted", (await response.DocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.ConsultationRequests.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task AFloodFromOneClient_IsThrottledWithA429PageThatKeepsTheText_AndRetryAfter()
    {
        using var portal = new ConsultationPortal();
        portal.Settings["Consultations:SubmissionsPerHour"] = "3";
        var client = portal.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await client.AskAsync(new Dictionary<string, string> { ["Input.Topic"] = $"Flood {i}" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = last!.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter.TotalMinutes, 50, 60);
        var page = await last.DocumentAsync();
        Assert.Contains("Please wait 60 minutes", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Flood 5", page.QuerySelector<IHtmlInputElement>("#Input_Topic")!.Value);
        last.Dispose();
        Assert.Equal(3, await portal.WithDbAsync(db => db.ConsultationRequests.CountAsync()));
        // The limit is kept in the database (shared by every instance) under a hash, never the client's address.
        var keys = await portal.WithDbAsync(db => db.Set<SeoulPolicyPortal.Web.Data.Throttling.Throttle>().Select(h => h.Key).ToListAsync());
        Assert.StartsWith("consultation:", Assert.Single(keys));
    }

    [Fact]
    public async Task ConcurrentSubmissions_GetDistinctConsecutiveReferences()
    {
        using var portal = new ConsultationPortal();
        var clients = Enumerable.Range(0, 8).Select(_ => portal.CreatePortalClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(c => c.RequestFormAsync()));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.SubmitAsync(forms[i], ConsultationHttp.Answers())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var references = await portal.WithDbAsync(db => db.ConsultationRequests.Select(r => r.Reference).ToListAsync());
        var year = DateTime.UtcNow.Year;
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"SPS-{year}-{n:D5}"), references.Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ConfirmationPage_ForAnUnknownReference_Is404()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        using var unknown = await client.GetAsync("/consultations/sent/SPS-2026-99999");
        using var garbage = await client.GetAsync("/consultations/sent/%3Cscript%3E");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Fact]
    public async Task PrivacyNotice_SaysWhatIsKeptWhyHowLongAndHowToErase()
    {
        using var portal = new ConsultationPortal();
        portal.Settings["Consultations:RetentionMonths"] = "18";
        var client = portal.CreatePortalClient();

        var page = await client.GetDocumentAsync("/consultations/privacy");

        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains("What we keep", headings);
        Assert.Contains("Why we keep it", headings);
        Assert.Contains("How long we keep it", headings);
        Assert.Contains("How to have it erased sooner", headings);
        Assert.Contains("Until 18 months after your request is closed", page.QuerySelector("main")!.TextContent);
        var form = await client.GetDocumentAsync("/consultations/new");
        Assert.Equal("/consultations/privacy", form.QuerySelector(".checkbox-field a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task HostileText_IsEncodedOnEveryPage_AndCannotAddMailHeaders()
    {
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        using var portal = new ConsultationPortal(smtp);
        var client = portal.CreatePortalClient();
        const string script = "<script>alert('x')</script><img src=x onerror=alert(1)>";

        var reference = await client.AskAndConfirmAsync(new Dictionary<string, string>
        {
            ["Input.Name"] = "Evil\r\nBcc: victim@example.org",
            ["Input.Topic"] = $"Topic {script}\r\nX-Injected: yes",
            ["Input.Organisation"] = script,
            ["Input.Message"] = script,
        });

        var admin = await portal.SignedInClientAsync();
        var id = await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
        foreach (var url in new[] { $"/admin/requests/{id}", "/admin/requests", "/admin" })
        {
            var html = await admin.GetStringAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }

        var page = await admin.GetDocumentAsync($"/admin/requests/{id}");
        Assert.Equal(script, page.QuerySelector(".message-text")!.TextContent);
        Assert.Equal("Evil Bcc: victim@example.org", page.QuerySelector(".facts dd")!.TextContent);

        var messages = await smtp.WaitForAsync(_ => true, count: 2);
        Assert.All(messages, m => Assert.Single(m.To.Mailboxes));
        Assert.All(messages, m => Assert.Empty(m.Bcc));
        Assert.All(messages, m => Assert.DoesNotContain(m.Headers, h => h.Field is "X-Injected" or "Bcc"));
        Assert.All(messages, m => Assert.Null(m.HtmlBody));
        var acknowledgement = TestSmtpServer.To(messages, ConsultationHttp.Email)!;
        Assert.Equal("Evil Bcc: victim@example.org", acknowledgement.To.Mailboxes.Single().Name);
    }
}
