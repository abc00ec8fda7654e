namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>
/// Builds the absolute addresses that leave the site (canonical links, feeds, the sitemap, exported project links).
/// <c>Portal:PublicUrl</c> (such as <c>https://policy.example.org</c>) is the origin readers use; without it the
/// request's own scheme and host are used, which is safe only where <c>AllowedHosts</c> lists the real host names
/// (host filtering then refuses any other Host header), so production sets one or the other (docs/operations.md).
/// </summary>
public sealed class PublicAddress
{
    public const string Setting = "Portal:PublicUrl";

    private readonly Uri? _configured;

    public PublicAddress(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        // An origin only: paths come from routing, which already adds the app's PathBase.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException(
                $"{Setting} must be the site's public origin, such as https://policy.example.org (no path or query); it is \"{value}\".");
        }

        _configured = uri;
    }

    public bool IsConfigured => _configured is not null;

    /// <summary>The absolute form of a site-relative address as routing makes it ("/projects?country=VN").</summary>
    public string Absolute(HttpRequest request, string relative)
    {
        if (!relative.StartsWith('/') || relative.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("Only a site-relative address can be made absolute.", nameof(relative));
        }

        var origin = _configured?.GetLeftPart(UriPartial.Authority) ?? $"{request.Scheme}://{request.Host.ToUriComponent()}";
        return origin + relative;
    }

    /// <summary>
    /// The absolute form of a site-relative address from <c>Portal:PublicUrl</c> only, or null without it: for text that
    /// leaves the site outside a response (emails), where a request's Host header must never decide the link.
    /// </summary>
    public string? ConfiguredAbsolute(string? relative) =>
        _configured is null || relative is null || !relative.StartsWith('/') || relative.StartsWith("//", StringComparison.Ordinal)
            ? null
            : _configured.GetLeftPart(UriPartial.Authority) + relative;

    /// <summary>Warns at start-up when addresses would come from an unchecked Host header.</summary>
    public void WarnIfUnprotected(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var hosts = configuration["AllowedHosts"];
        if (!IsConfigured && !environment.IsDevelopment() && (string.IsNullOrWhiteSpace(hosts) || hosts.Trim() == "*"))
        {
            logger.LogWarning(
                "Neither {Setting} nor AllowedHosts is set: absolute links in feeds, the sitemap and exports use the request's Host header",
                Setting);
        }
    }
}
