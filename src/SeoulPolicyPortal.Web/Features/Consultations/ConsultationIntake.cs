using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using SeoulPolicyPortal.Web.Areas.Admin.Requests;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure.Mail;

namespace SeoulPolicyPortal.Web.Features.Consultations;

public sealed record CountryChoice(string Code, string Name);

public sealed record ConsultationFormViewModel(
    ConsultationInput Input, ConsultationAbout? About, string? AboutHref, IReadOnlyList<CountryChoice> Countries, int? RetryAfterMinutes = null);

/// <summary>Checks an "Ask Seoul" submission and stores it with its emails, in one transaction.</summary>
public sealed partial class ConsultationIntake(
    PortalDbContext db, RequestInbox inbox, ConsultationMails mails, OutboxSignal signal, TimeProvider time, IOptions<ConsultationOptions> options,
    IStringLocalizer<SharedResource> t)
{
    /// <summary>The "by" of the history entry a submission writes.</summary>
    public const string Visitor = "visitor";

    /// <summary>The form's field names start with this, as the admin area's forms do ("Input.Email").</summary>
    public const string Prefix = "Input";

    public async Task<IReadOnlyList<CountryChoice>> CountriesAsync(CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().Select(c => new CountryChoice(c.Code, c.Name)).ToListAsync(cancellationToken);
        return countries.OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Checks across fields and against the database; adds every problem to <paramref name="modelState"/>.</summary>
    public async Task ValidateAsync(ConsultationInput input, bool malformedAbout, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (malformedAbout)
        {
            modelState.AddModelError("", t["The page this request was sent from was not recognised. Send the form again to ask without it."]);
        }

        if (!string.IsNullOrEmpty(input.Country) && !input.IsOtherCountry)
        {
            var code = input.Country.Trim().ToUpperInvariant();
            if (code.Length != 2 || !await db.Countries.AnyAsync(c => c.Code == code, cancellationToken))
            {
                modelState.AddModelError($"{Prefix}.{nameof(input.Country)}", t["Choose your country from the list, or “Other country”."]);
            }
        }

        if (input.IsOtherCountry && string.IsNullOrWhiteSpace(input.OtherCountryName))
        {
            modelState.AddModelError($"{Prefix}.{nameof(input.OtherCountryName)}", t["Enter the name of your country."]);
        }

        if (!string.IsNullOrEmpty(input.Email) && !IsEmailAddress(input.Email.Trim()))
        {
            modelState.AddModelError($"{Prefix}.{nameof(input.Email)}", t["Enter an email address like name@example.org."]);
        }

        if (!string.IsNullOrEmpty(input.Language) && !ConsultationLanguages.IsKnown(input.Language))
        {
            modelState.AddModelError($"{Prefix}.{nameof(input.Language)}", t["Choose a language from the list."]);
        }

        if (!input.Consent)
        {
            modelState.AddModelError($"{Prefix}.{nameof(input.Consent)}", t["Tick the box to agree that we keep your details to answer you."]);
        }
    }

    /// <summary>
    /// One address, nothing around it: no display name, comment, second address or line break that could reach a
    /// mail header, and MimeKit must read it back as exactly the same address.
    /// </summary>
    public static bool IsEmailAddress(string value) =>
        value.Length <= ConsultationLimits.Email
        && PlainAddress().IsMatch(value)
        && MailboxAddress.TryParse(ParserOptions.Default, value, out var parsed)
        && string.Equals(parsed.Address, value, StringComparison.Ordinal);

    /// <summary>Stores the request, its first history entry and its emails together; returns the reference.</summary>
    public async Task<string> SubmitAsync(ConsultationInput input, ConsultationAbout? about, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await NextNumberAsync(now.Year, cancellationToken);
        var countryCode = input.IsOtherCountry ? null : input.Country!.Trim().ToUpperInvariant();
        var request = new ConsultationRequest
        {
            Reference = $"SPS-{now.Year}-{number:D5}",
            ReceivedAtUtc = now,
            UpdatedAtUtc = now,
            ConsentedAtUtc = now,
            Status = ConsultationStatus.New,
            Name = Line(input.Name),
            JobTitle = Line(input.JobTitle),
            Organisation = Line(input.Organisation),
            City = Line(input.City),
            CountryCode = countryCode,
            OtherCountry = input.IsOtherCountry ? Line(input.OtherCountryName) : null,
            Email = input.Email!.Trim(),
            PreferredLanguage = input.Language!,
            Topic = Line(input.Topic),
            Message = Text(input.Message),
            AboutProjectId = about?.ProjectId,
            AboutAreaId = about?.AreaId,
            AboutCountryCode = about?.CountryCode,
            AreaId = about?.FilingAreaId,
        };
        request.Activities.Add(new ConsultationActivity
        {
            AtUtc = now,
            By = Visitor,
            Kind = ConsultationActivityKinds.Received,
            ToValue = nameof(ConsultationStatus.New),
        });
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);

        var countryName = countryCode is null ? null : await db.Countries.Where(c => c.Code == countryCode).Select(c => c.Name).SingleAsync(cancellationToken);
        db.Enqueue(mails.Acknowledgement(request), request.Id, now);
        foreach (var recipient in await EditorRecipientsAsync(cancellationToken))
        {
            db.Enqueue(mails.EditorNotification(request, recipient, about, countryName), request.Id, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return request.Reference;
    }

    /// <summary>
    /// The next number of the year, inside the caller's transaction. The UPDATE takes the counter row's write lock, so
    /// concurrent submissions (on any instance) are serialised on it and never share a number.
    /// </summary>
    private async Task<int> NextNumberAsync(int year, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.ReferenceCounters.Where(c => c.Year == year)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);
            if (updated == 1)
            {
                return await db.ReferenceCounters.Where(c => c.Year == year).Select(c => c.LastNumber).SingleAsync(cancellationToken);
            }

            // The first request of the year creates the row; if another instance created it meanwhile, count on it instead.
            var counter = db.ReferenceCounters.Add(new ReferenceCounter { Year = year, LastNumber = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return 1;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                counter.State = EntityState.Detached;
            }
        }
    }

    private async Task<IReadOnlyList<string>> EditorRecipientsAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.NotifyEmails.Select(e => e.Trim()).Where(IsEmailAddress).ToList();
        if (configured.Count > 0)
        {
            return configured.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        var accounts = await inbox.EditorAccountsAsync(cancellationToken);
        return accounts.Select(a => a.Email).OfType<string>().Where(IsEmailAddress).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? Line(string? value) => string.IsNullOrWhiteSpace(value) ? null : MailOutbox.OneLine(value, ConsultationLimits.Line);

    // Line breaks and tabs are kept in a message; other control characters are dropped.
    private static string Text(string? value) =>
        new string((value ?? "").Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray()).Trim();

    [GeneratedRegex(@"^[^@\s<>()\[\]\\,;:""]+@[^@\s<>()\[\]\\,;:""]+\.[^@\s<>()\[\]\\,;:"".]+$")]
    private static partial Regex PlainAddress();
}
