using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Tests.Admin;
using SeoulPolicyPortal.Tests.Platform;

namespace SeoulPolicyPortal.Tests.Consultations;

public sealed class KillTests
{
    [Fact]
    public async Task ARequestConfirmedToTheVisitor_SurvivesTheProcessBeingKilledRightAfter_WithItsEmailsWaiting()
    {
        using var database = new TemporaryDatabase();
        string confirmation;
        var settings = new Dictionary<string, string> { ["Consultations:NotifyEmails:0"] = "editors@example.org" };
        using (var portal = await PortalProcess.StartAsync(database.Path, settings))
        {
            using var client = portal.CreateClient();
            using var sent = await client.SubmitAsync(await client.RequestFormAsync(), ConsultationHttp.Answers());
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            confirmation = sent.Headers.Location!.OriginalString;
            // Killed the moment the visitor is told the request was received, before anything else can run.
            portal.Kill();
        }

        var reference = confirmation[(confirmation.LastIndexOf('/') + 1)..];
        Assert.StartsWith("SPS-", reference);
        using (var restarted = await PortalProcess.StartAsync(database.Path, settings))
        {
            using var client = restarted.CreateClient();
            using var page = await client.GetAsync(confirmation);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(reference, await page.Content.ReadAsStringAsync());
        }

        await using var db = TemporaryDatabase.Open(database.Path);
        var request = await db.ConsultationRequests.AsNoTracking().SingleAsync();
        Assert.Equal((reference, "Nguyen Van An", ConsultationHttp.Email), (request.Reference, request.Name, request.Email));
        // No mail server is configured, so both emails (acknowledgement, editors' notice) are still in the outbox.
        Assert.Equal(["an.nguyen@example.org", "editors@example.org"],
            (await db.OutboxMessages.Where(m => m.ConsultationRequestId == request.Id).Select(m => m.ToAddress).ToListAsync()).Order());
    }
}
