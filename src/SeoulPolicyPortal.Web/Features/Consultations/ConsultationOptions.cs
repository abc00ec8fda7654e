namespace SeoulPolicyPortal.Web.Features.Consultations;

/// <summary>The <c>Consultations</c> section.</summary>
public sealed class ConsultationOptions
{
    public const string Section = "Consultations";

    /// <summary>Who is told of each new request; empty means every Editor and Admin account.</summary>
    public string[] NotifyEmails { get; set; } = [];

    /// <summary>Form submissions one client may make in an hour; more get a 429 page.</summary>
    public int SubmissionsPerHour { get; set; } = 10;

    /// <summary>How long the personal data of a closed (or spam) request is kept after it was closed.</summary>
    public int RetentionMonths { get; set; } = 24;

    /// <summary>How often expired requests are looked for.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many working days the acknowledgement promises an answer in.</summary>
    public int AnswerWithinWorkingDays { get; set; } = 10;
}
