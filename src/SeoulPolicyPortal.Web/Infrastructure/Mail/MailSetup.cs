using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace SeoulPolicyPortal.Web.Infrastructure.Mail;

public static class MailSetup
{
    public static IServiceCollection AddPortalMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => !o.IsConfigured || (o.From is not null && MailboxAddress.TryParse(o.From, out var from) && from.Domain.Length > 0),
                "Smtp:From must be an email address such as portal@example.org when Smtp:Host is set.")
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
