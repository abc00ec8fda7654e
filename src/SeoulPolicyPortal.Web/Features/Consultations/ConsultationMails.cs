using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;
using SeoulPolicyPortal.Web.Infrastructure.Mail;

namespace SeoulPolicyPortal.Web.Features.Consultations;

/// <summary>
/// The texts of the three emails. Plain text only: what a visitor typed is never put into HTML, and header values pass
/// through <see cref="MailOutbox.OneLine"/> and MimeKit's encoding, so a line break cannot start a new header.
/// </summary>
public sealed class ConsultationMails(IStringLocalizer<SharedResource> t, IOptions<ConsultationOptions> options, LinkGenerator links, PublicAddress address)
{
    private ConsultationOptions Settings => options.Value;

    public OutgoingMail Acknowledgement(ConsultationRequest request)
    {
        var body = new StringBuilder()
            .AppendLine(t["Dear {0},", request.Name!])
            .AppendLine()
            .AppendLine(t["Thank you for writing to the Seoul Policy Sharing Initiative. We have received your request."])
            .AppendLine()
            .AppendLine(t["Your reference: {0}", request.Reference])
            .AppendLine(t["Topic: {0}", request.Topic!])
            .AppendLine(t["Received: {0} UTC", Stamp(request.ReceivedAtUtc)])
            .AppendLine()
            .AppendLine(t["An editor will read your request and answer you by email, usually within {0} working days. Please quote your reference if you write to us again.", Settings.AnswerWithinWorkingDays])
            .AppendLine()
            .AppendLine(t["We keep your details only to answer you, for {0} months after your request is closed. You can ask us to erase them at any time by answering this email.", Settings.RetentionMonths]);
        if (Absolute(links.GetPathByAction("Privacy", "Consultations", new { area = "" })) is { } privacy)
        {
            body.AppendLine(t["How we keep your details: {0}", privacy]);
        }

        body.AppendLine()
            .AppendLine(t["If you did not send this request, you can ignore this email."])
            .AppendLine()
            .AppendLine(t["Seoul Policy Sharing Initiative"]);
        return new OutgoingMail(OutboxKinds.Acknowledgement, request.Email!, request.Name,
            t["We have received your request {0}", request.Reference], body.ToString());
    }

    public OutgoingMail EditorNotification(ConsultationRequest request, string recipient, ConsultationAbout? about, string? countryName)
    {
        var from = string.Join(", ", new[] { request.Organisation, request.City, countryName ?? request.OtherCountry }.Where(s => !string.IsNullOrEmpty(s)));
        var body = new StringBuilder()
            .AppendLine(t["A new request has come in through “Ask Seoul”."])
            .AppendLine()
            .AppendLine(t["Reference: {0}", request.Reference])
            .AppendLine(t["Received: {0} UTC", Stamp(request.ReceivedAtUtc)])
            .AppendLine(t["Topic: {0}", request.Topic!])
            .AppendLine(t["From: {0}", from]);
        if (about is not null)
        {
            body.AppendLine(t["Asked from: {0}", about.Label]);
        }

        body.AppendLine();
        var link = Absolute(links.GetPathByAction("Show", "Requests", new { area = "Admin", id = request.Id }));
        body.AppendLine(link is null ? t["Open it in the admin area, under Requests."] : t["Open it in the admin area: {0}", link])
            .AppendLine()
            .AppendLine(t["The message and the requester’s contact details stay in the portal."]);
        return new OutgoingMail(OutboxKinds.EditorNotification, recipient, null, t["New request {0}: {1}", request.Reference, request.Topic!], body.ToString());
    }

    public OutgoingMail Reply(ConsultationRequest request, string subject, string text)
    {
        var body = new StringBuilder(text.TrimEnd())
            .AppendLine()
            .AppendLine()
            .AppendLine("--")
            .AppendLine(t["Seoul Policy Sharing Initiative"])
            .AppendLine(t["Your reference: {0}", request.Reference]);
        return new OutgoingMail(OutboxKinds.Reply, request.Email!, request.Name, subject, body.ToString());
    }

    public string ReplySubject(string reference, string? topic) => t["Your request {0}: {1}", reference, topic ?? ""];

    private string? Absolute(string? path) => address.ConfiguredAbsolute(path);

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
