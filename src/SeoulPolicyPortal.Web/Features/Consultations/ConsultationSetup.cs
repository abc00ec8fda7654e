using SeoulPolicyPortal.Web.Areas.Admin.Requests;
using SeoulPolicyPortal.Web.Infrastructure.Mail;

namespace SeoulPolicyPortal.Web.Features.Consultations;

public static class ConsultationSetup
{
    /// <summary>"Ask Seoul": the public form, the editors' inbox, the outbox sender and the retention sweep.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddPortalMail();
        services.AddOptions<ConsultationOptions>().BindConfiguration(ConsultationOptions.Section)
            .Validate(o => o.SubmissionsPerHour > 0 && o.RetentionMonths > 0 && o.RetentionSweepInterval > TimeSpan.Zero,
                "Consultations:SubmissionsPerHour and Consultations:RetentionMonths must be positive.")
            .ValidateOnStart();
        services.AddScoped<ConsultationIntake>();
        services.AddScoped<ConsultationMails>();
        services.AddScoped<SubmissionThrottle>();
        services.AddScoped<ConsultationEraser>();
        services.AddScoped<RequestInbox>();
        services.AddHostedService<ConsultationRetentionService>();
        return services;
    }
}
