using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.ResponseCompression;
using Serilog;
using SeoulPolicyPortal.Web;
using SeoulPolicyPortal.Web.Areas.Admin;
using SeoulPolicyPortal.Web.Areas.Admin.Import;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Search;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Cities;
using SeoulPolicyPortal.Web.Features.Consultations;
using SeoulPolicyPortal.Web.Features.Projects;
using SeoulPolicyPortal.Web.Features.Search;
using SeoulPolicyPortal.Web.Infrastructure;
using SeoulPolicyPortal.Web.Infrastructure.Localization;

// "admin ..." is a command-line verb, not configuration; the web host gets no arguments then.
var isAdminCommand = AdminCommand.IsInvoked(args);
var builder = WebApplication.CreateBuilder(isAdminCommand ? [] : args);

builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
// Serves wwwroot's build-time manifest (compressed variants included) when started from the build output in any
// environment; published output carries its own manifest and ignores this.
builder.WebHost.UseStaticWebAssets();

AddPortalServices(builder.Services, builder.Configuration, builder.Environment);

var app = builder.Build();

await app.Services.MigrateAndSeedAsync(app.Configuration);
if (isAdminCommand)
{
    return await AdminCommand.RunAsync(app.Services, args, Console.In, Console.Out);
}

await app.Services.EnsureFirstAdminAsync(app.Configuration);

UsePortalPipeline(app);

await app.RunAsync();
return 0;

static void AddPortalServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
{
    services.AddPortalHardening(environment);
    services.AddPortalDatabase(configuration, environment);
    services.AddPortalAdmin(configuration, environment);
    services.AddProjectImport();
    services.AddScoped<ProjectCatalogue>();
    services.AddSingleton<PublishedContentCache>();
    services.AddScoped<CityDirectory>();
    services.AddScoped<ContentTranslations>();
    services.AddPortalSearch();
    services.AddScoped<SiteSearch>();
    services.AddTakeAway(configuration);
    services.AddConsultations();

    services.AddPortalLocalization(configuration);

    services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
        .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()))
        .AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
    services.AddProblemDetails();
    services.AddPortalInstances(configuration);
    services.AddPortalPageCache();
    services.AddResponseCompression(options =>
    {
        options.EnableForHttps = true;
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
    });
    services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
}

static void UsePortalPipeline(WebApplication app)
{
    app.UsePortalForwardedHeaders();
    app.UseSerilogRequestLogging(options => options.GetLevel = (context, _, exception) =>
        // A reader who gives up (a closed tab, a client's timeout) cancels the request: not the portal's error.
        exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested ? Serilog.Events.LogEventLevel.Information
        : exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : Serilog.Events.LogEventLevel.Information);
    app.UseHeadAsGet();
    app.UseCultureInAddress();
    // Admin pages carry antiforgery tokens next to text the editor typed: left uncompressed so that a BREACH-style
    // compression oracle has nothing to measure. Public pages hold no secrets and are compressed.
    app.UseWhen(context => !context.Request.Path.StartsWithSegments("/admin"), branch => branch.UseResponseCompression());
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }

    app.UseExceptionHandler("/error/500");
    app.UseStatusCodePagesWithReExecute("/error/{0}");
    app.UseNulQueryRejection();
    app.UseHttpsOnlyAdmin(app.Environment);
    app.UseRequestLocalization();
    app.UseMiddleware<SeoulPolicyPortal.Web.Areas.Admin.Drafts.DraftPreviewMiddleware>();
    app.UseRouting();
    app.UseUnreadableFormRejection();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseOutputCache();
    app.UseRateLimiter();

    app.MapPortalHealth();
    app.MapStaticAssets();
    app.MapControllers().WithStaticAssets();
    app.MapTakeAway();
}

public partial class Program;
