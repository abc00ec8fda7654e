using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.Platform;

/// <summary>
/// Every GET route the app maps, found from its endpoints rather than listed by hand, asked with generated hostile
/// values in each route and query parameter, anonymously and as a signed-in Admin: never a 5xx.
/// </summary>
public sealed class HostileInputSweepTests
{
    // Already percent-encoded as they go on the wire: some are invalid encodings or invalid UTF-8 on purpose.
    private static readonly string[] HostileValues =
    [
        "", "%20", "%20%20%20", "%09", "%0A", "%0D%0A", "%00", "%01", "%7F", "%C2%A0", "%E2%80%8B", "%EF%BB%BF",
        "%25", "%ZZ", "%C3", "%ED%A0%80", "%FF%FE", "%F0%9F%98%80", "%E2%80%AE", "a%2Fb", "..%2F..%2Fetc%2Fpasswd",
        "-1", "0", "2147483648", "-2147483649", "99999999999999999999999", "1e309", "NaN", "1.5", "0x10", "true",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%27%20OR%201%3D1--", "%22", "%5C", "*", "%3F", "%26", "%23",
        "VN%00", "vn", "%20VN%20", "%E2%80%8BVN", "KR,VN", "%EB%8C%80%ED%95%9C%EB%AF%BC%EA%B5%AD",
        new string('a', 5000), string.Concat(Enumerable.Repeat("%E2%80%8B", 1000)),
    ];

    // Parameters a minimal endpoint or the shared filters may read without naming them in an action signature.
    private static readonly string[] KnownQueryNames =
        ["area", "concentration", "country", "region", "year", "q", "sort", "page", "pageSize", "type", "kind", "returnUrl"];

    [Fact]
    public async Task EveryGetRoute_WithHostileRouteAndQueryValues_NeverAnswers5xx()
    {
        using var portal = new AdminPortalFactory();
        var anonymous = portal.CreatePortalClient();
        var admin = await portal.SignedInClientAsync();
        var routes = GetRoutes(portal.Services);
        Assert.Contains(routes, r => r.Template == "countries/{code}");
        Assert.Contains(routes, r => r.Template.StartsWith("admin/", StringComparison.Ordinal));

        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var url in Urls(route))
            {
                // Anonymous visitors reach only the public pages; the admin pages are swept signed in.
                var client = route.Template.StartsWith("admin", StringComparison.Ordinal) ? admin : anonymous;
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/" + url, UriKind.Relative));
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} GET /{url[..Math.Min(url.Length, 200)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers were 5xx:\n{string.Join('\n', failures.Take(50))}");
    }

    /// <summary>
    /// Every POST as a hostile editor would send it: a valid antiforgery token, hostile route values and hostile form
    /// values for each parameter the action binds.
    /// </summary>
    [Fact]
    public async Task EveryPostRoute_WithAValidTokenAndHostileValues_NeverAnswers5xx()
    {
        using var portal = new AdminPortalFactory();
        var admin = await portal.SignedInClientAsync();
        var token = (await admin.GetDocumentAsync("/admin/users")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var routes = GetRoutes(portal.Services, "POST")
            .Where(r => r.Template is not ("admin/sign-out" or "admin/sign-in"))
            .ToList();
        Assert.Contains(routes, r => r.Template == "admin/users/{id}/lock");

        var failures = new List<string>();
        var pastAntiforgery = 0;
        foreach (var route in routes)
        {
            foreach (var url in Urls(route, includeQuery: false))
            {
                await PostAsync(url, []);
            }

            var plain = Fill(route, _ => null);
            foreach (var name in route.QueryNames.Except(KnownQueryNames, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var value in HostileValues.Where((_, i) => i % 3 == 0))
                {
                    await PostAsync(plain, [new(name, Uri.UnescapeDataString(value.Replace("%ZZ", "%25ZZ", StringComparison.Ordinal)))]);
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers were 5xx:\n{string.Join('\n', failures.Take(50))}");
        // The token was accepted: the actions themselves answered (a 404 for an unknown user, a redirect, a form again).
        Assert.True(pastAntiforgery > 100, $"only {pastAntiforgery} requests got past antiforgery");

        async Task PostAsync(string url, List<KeyValuePair<string, string>> fields)
        {
            fields.Add(new("__RequestVerificationToken", token));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + url, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
            using var response = await admin.SendAsync(request);
            pastAntiforgery += response.StatusCode == HttpStatusCode.BadRequest ? 0 : 1;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} POST /{url[..Math.Min(url.Length, 200)]} {string.Join('&', fields.Take(fields.Count - 1).Select(f => f.Key + "=" + f.Value[..Math.Min(f.Value.Length, 40)]))}");
            }
        }
    }

    [Theory]
    [InlineData("/countries/%20")]
    [InlineData("/countries/%20%20")]
    [InlineData("/countries/%09")]
    public async Task ACountryAddressOfWhitespace_IsNotFound(string path)
    {
        using var portal = new PortalFactory();
        using var response = await portal.CreatePortalClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record SweptRoute(string Template, RoutePattern Pattern, IReadOnlyList<string> QueryNames);

    private static List<SweptRoute> GetRoutes(IServiceProvider services, string method = "GET") =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(method))
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains('.', StringComparison.Ordinal) || IsTakeAway(e))
            .Select(e => new SweptRoute(e.RoutePattern.RawText!.TrimStart('/'), e.RoutePattern, QueryNames(e)))
            .DistinctBy(r => r.Template)
            .ToList();

    // Static assets are files, not routes with input; the downloads (.csv, .json, .xlsx) and the feed are.
    private static bool IsTakeAway(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not null;

    private static List<string> QueryNames(RouteEndpoint endpoint)
    {
        var names = new List<string>(KnownQueryNames);
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action)
        {
            foreach (var parameter in action.Parameters)
            {
                var source = parameter.BindingInfo?.BindingSource;
                if (source == BindingSource.Path || source == BindingSource.Services || source == BindingSource.Body ||
                    parameter.ParameterType == typeof(CancellationToken))
                {
                    continue;
                }

                if (IsSimple(parameter.ParameterType))
                {
                    names.Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name);
                }
                else
                {
                    names.AddRange(parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.CanWrite && IsSimple(p.PropertyType))
                        .Select(p => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? p.Name));
                }
            }
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) ||
            t == typeof(DateOnly) || t == typeof(Guid) || t.IsArray && IsSimple(t.GetElementType()!);
    }

    private static IEnumerable<string> Urls(SweptRoute route, bool includeQuery = true)
    {
        var parameters = route.Pattern.Parameters;
        var plain = Fill(route, _ => null);
        // Each route parameter hostile in turn, the others at a plausible value.
        foreach (var parameter in parameters)
        {
            // Kestrel refuses a NUL in the path with a 400 before the app sees it (the test server throws instead).
            foreach (var value in HostileValues.Where(v => (v.Length > 0 || parameter.IsOptional) && !v.Contains("%00", StringComparison.Ordinal)))
            {
                yield return Fill(route, p => p == parameter ? value : null);
            }
        }

        if (!includeQuery)
        {
            yield break;
        }

        // Each query parameter hostile in turn, also repeated and in array form.
        foreach (var name in route.QueryNames)
        {
            foreach (var value in HostileValues)
            {
                yield return $"{plain}?{name}={value}";
            }

            yield return $"{plain}?{name}=1&{name}=2&{name}=VN";
            yield return $"{plain}?{name}[0]=a&{name}[1]=b";
            yield return $"{plain}?{name}";
        }

        yield return $"{plain}?%ZZ=1&=2&&&";
    }

    private static string Fill(SweptRoute route, Func<RoutePatternParameterPart, string?> hostile)
    {
        var builder = new StringBuilder();
        foreach (var segment in route.Pattern.PathSegments)
        {
            if (builder.Length > 0)
            {
                builder.Append('/');
            }

            foreach (var part in segment.Parts)
            {
                builder.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => hostile(parameter) ?? Plausible(parameter),
                    _ => "",
                });
            }
        }

        return builder.ToString().TrimEnd('/');
    }

    private static string Plausible(RoutePatternParameterPart parameter) => parameter.Name switch
    {
        "statusCode" => "404",
        "code" => "VN",
        "segment" => "projects",
        "documentName" => "v1",
        _ when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "1",
        _ when parameter.IsOptional => "",
        _ => "x",
    };
}
