using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Web.Features.Consultations;

public sealed record SentViewModel(string Reference);

public sealed record PrivacyViewModel(int RetentionMonths);

/// <summary>The "Ask Seoul about this" box of a project, area or country page: at most one of the three is set.</summary>
public sealed record AskSeoulLink(string Label, string? Project = null, string? Area = null, string? Country = null);

/// <summary>"Ask Seoul": the request form, its confirmation and the privacy notice.</summary>
[Route("consultations")]
public sealed partial class ConsultationsController(
    ConsultationIntake intake, SubmissionThrottle throttle, PortalDbContext db, LinkGenerator links, IOptions<ConsultationOptions> options,
    IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>Far above what the longest allowed form needs (5,000 Korean characters URL-encoded are about 45 KB).</summary>
    public const int MaxFormBytes = 128 * 1024;

    [HttpGet("new")]
    public async Task<IActionResult> New(string? aboutProject, string? aboutArea, string? aboutCountry, CancellationToken cancellationToken)
    {
        var (about, _) = await ConsultationAbout.FindAsync(db, aboutProject, aboutArea, aboutCountry, cancellationToken);
        var input = new ConsultationInput
        {
            Language = ConsultationLanguages.IsKnown(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : "en",
        };
        if (about is not null)
        {
            (input.AboutProject, input.AboutArea, input.AboutCountry) = (about.ProjectId?.ToString(CultureInfo.InvariantCulture), about.AreaSlug, about.CountryCode);
            input.Topic = Topic(about);
        }

        return View(await FormAsync(input, about, null, cancellationToken));
    }

    [HttpPost("new")]
    [RequestSizeLimit(MaxFormBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes, ValueCountLimit = 50)]
    public async Task<IActionResult> New([Bind(Prefix = ConsultationIntake.Prefix)] ConsultationInput input, CancellationToken cancellationToken)
    {
        var (about, malformedAbout) = await ConsultationAbout.FindAsync(db, input.AboutProject, input.AboutArea, input.AboutCountry, cancellationToken);

        // The one place the submission limit is asked; every attempt counts, valid or not.
        var throttled = await throttle.HitAsync("consultation", HttpContext.Connection.RemoteIpAddress?.ToString(),
            options.Value.SubmissionsPerHour, TimeSpan.FromHours(1), cancellationToken);
        if (!throttled.Allowed)
        {
            ModelState.Clear();
            Response.SetTooManyRequests(throttled.RetryAfter);
            return View(await FormAsync(input, about, (int)Math.Ceiling(throttled.RetryAfter.TotalMinutes), cancellationToken));
        }

        if (!string.IsNullOrEmpty(input.Website))
        {
            // Only robots fill in the hidden field. Nothing is stored; the page says so plainly in case a person did.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("NotAccepted");
        }

        await intake.ValidateAsync(input, malformedAbout, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await FormAsync(input, about, null, cancellationToken));
        }

        var reference = await intake.SubmitAsync(input, about, cancellationToken);
        return RedirectToAction(nameof(Sent), new { reference });
    }

    [HttpGet("sent/{reference}")]
    public async Task<IActionResult> Sent(string? reference, CancellationToken cancellationToken)
    {
        // Model binding makes a reference of only whitespace null.
        if (reference is null || !ReferenceShape().IsMatch(reference) || !await db.ConsultationRequests.AnyAsync(r => r.Reference == reference, cancellationToken))
        {
            return NotFound();
        }

        return View(new SentViewModel(reference));
    }

    [HttpGet("privacy")]
    public IActionResult Privacy() => View(new PrivacyViewModel(options.Value.RetentionMonths));

    private async Task<ConsultationFormViewModel> FormAsync(ConsultationInput input, ConsultationAbout? about, int? retryAfterMinutes, CancellationToken cancellationToken)
    {
        if (about is null)
        {
            (input.AboutProject, input.AboutArea, input.AboutCountry) = (null, null, null);
        }

        return new ConsultationFormViewModel(input, about, about?.Href(links), await intake.CountriesAsync(cancellationToken), retryAfterMinutes);
    }

    private string Topic(ConsultationAbout about)
    {
        string text = about.Kind switch
        {
            AboutKind.Project => t["The project “{0}”", about.Label],
            AboutKind.Area => t["Seoul’s policies in {0}", about.Label],
            _ => t["Seoul’s cooperation with {0}", about.Label],
        };
        return text.Length <= ConsultationLimits.Line ? text : text[..ConsultationLimits.Line];
    }

    [GeneratedRegex(@"^SPS-\d{4}-\d{5,}$")]
    private static partial Regex ReferenceShape();
}
