using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Tests.Admin;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Tests.Consultations;

public sealed class MailTests
{
    [Fact]
    public async Task MailServerDown_TheRequestIsTaken_TheErrorIsRecorded_AndTheMailGoesOutOnceWhenItIsBack()
    {
        await using var smtp = new TestSmtpServer();
        using var portal = new ConsultationPortal(smtp);
        var client = portal.CreatePortalClient();

        var reference = await client.AskAndConfirmAsync();

        // Nothing listens on the port: attempts fail, the error and a later attempt time are recorded, nothing is lost.
        await Wait.UntilAsync(() => portal.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.Attempts >= 2 && m.LastError != null)),
            "every message has failed twice");
        var waiting = await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(waiting, m => Assert.Equal(OutboxStatus.Pending, m.Status));
        Assert.All(waiting, m => Assert.Null(m.SentAtUtc));
        var admin = await portal.SignedInClientAsync();
        var dashboard = await admin.GetDocumentAsync("/admin");
        Assert.Equal("problem", dashboard.QuerySelector(".mail-status")!.GetAttribute("data-mail"));

        await smtp.StartAsync();

        var acknowledgement = (await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == ConsultationHttp.Email))).Single();
        Assert.Contains(reference, acknowledgement.Subject);
        await Wait.UntilAsync(() => portal.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent)), "everything is sent");
        // A few more polling rounds: still exactly one copy of each message.
        await Task.Delay(1000);
        var received = smtp.Received;
        Assert.Equal(waiting.Count, received.Count);
        Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal($"{waiting.Single(m => m.Kind == OutboxKinds.Acknowledgement).MessageKey:N}@example.org", acknowledgement.MessageId);
    }

    [Fact]
    public async Task WithoutSmtpHost_RequestsAreTaken_MailWaits_AndTheDashboardSaysSo()
    {
        using var portal = new ConsultationPortal();
        var client = portal.CreatePortalClient();

        var reference = await client.AskAndConfirmAsync();

        Assert.NotNull(await portal.WithDbAsync(db => db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference)));
        var outbox = await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.Equal([OutboxKinds.Acknowledgement, OutboxKinds.EditorNotification], outbox.Select(m => m.Kind).Order());
        Assert.All(outbox, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        var admin = await portal.SignedInClientAsync();
        var status = (await admin.GetDocumentAsync("/admin")).QuerySelector(".mail-status")!;
        Assert.Equal("not-configured", status.GetAttribute("data-mail"));
        Assert.Contains("Mail is not configured", status.TextContent);
        Assert.Contains("2 emails are waiting", status.TextContent);
    }

    [Fact]
    public async Task ARequestConfirmedJustBeforeTheProcessStops_IsThereAfterARestart_AndItsMailIsSentOnce()
    {
        using var database = new TemporaryDatabase();
        await using var smtp = new TestSmtpServer();
        string reference;
        using (var first = new ConsultationPortal(databasePath: database.Path))
        {
            // No mail server configured in the first process: the messages can only be waiting in the outbox.
            reference = await first.CreatePortalClient().AskAndConfirmAsync();
        }

        await smtp.StartAsync();
        using var second = new ConsultationPortal(smtp, database.Path);
        second.CreatePortalClient();

        var request = await second.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().SingleAsync());
        Assert.Equal((reference, "Nguyen Van An"), (request.Reference, request.Name));
        await smtp.WaitForAsync(m => (m.Subject ?? "").Contains(reference), count: 2);
        await Task.Delay(1000);
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task AMessageClaimedByAnInstanceThatDied_IsSentByAnotherWhenTheLeaseEnds_AndOnlyOnce()
    {
        using var database = new TemporaryDatabase();
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        using (var first = new ConsultationPortal(databasePath: database.Path))
        {
            await first.CreatePortalClient().AskAndConfirmAsync();
            // As if an instance had claimed the messages and died before sending them.
            await first.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, "dead-instance")
                .SetProperty(m => m.LeaseUntilUtc, DateTime.UtcNow.AddSeconds(6))));
        }

        using var second = new ConsultationPortal(smtp, database.Path);
        second.CreatePortalClient();
        await Task.Delay(1000);
        Assert.Empty(smtp.Received);

        await smtp.WaitForAsync(_ => true, count: 2);
        await Task.Delay(1000);
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_SendEachMessageExactlyOnce()
    {
        using var database = new TemporaryDatabase();
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        using var one = new ConsultationPortal(smtp, database.Path);
        using var two = new ConsultationPortal(smtp, database.Path);
        var clientOne = one.CreatePortalClient();
        var clientTwo = two.CreatePortalClient();

        for (var i = 0; i < 5; i++)
        {
            await (i % 2 == 0 ? clientOne : clientTwo).AskAndConfirmAsync(new Dictionary<string, string> { ["Input.Topic"] = $"Question {i}" });
        }

        await smtp.WaitForAsync(_ => true, count: 10);
        await Task.Delay(1500);
        Assert.Equal(10, smtp.Received.Count);
        Assert.Equal(10, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(10, await one.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)));
    }

    [Fact]
    public async Task NotifyEmails_ReplaceTheEditorsAsRecipientsOfTheNotice()
    {
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        using var portal = new ConsultationPortal(smtp);
        portal.Settings["Consultations:NotifyEmails:0"] = "desk@example.org";
        portal.Settings["Consultations:NotifyEmails:1"] = "lead@example.org";
        portal.Settings["Portal:PublicUrl"] = "https://portal.example.org";

        var reference = await portal.CreatePortalClient().AskAndConfirmAsync();

        var notices = await smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith("New request"), count: 2);
        Assert.Equal(["desk@example.org", "lead@example.org"], notices.Select(m => m.To.Mailboxes.Single().Address).Order());
        var id = await portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
        Assert.Contains($"https://portal.example.org/admin/requests/{id}", notices[0].TextBody);
        var acknowledgement = (await smtp.WaitForAsync(m => (m.Subject ?? "").Contains("We have received"))).Single();
        Assert.Contains("https://portal.example.org/consultations/privacy", acknowledgement.TextBody);
        Assert.DoesNotContain(smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == AdminPortalFactory.AdminEmail));
    }
}
