using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.Localization;

/// <summary>Every culture's resource file holds every piece of interface text the code asks for.</summary>
public sealed partial class InterfaceTextTests
{
    public static readonly TheoryData<string> Cultures = ["ko", "es"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ResourceFile_HasEveryKeyTheCodeUses(string culture)
    {
        var translated = ResourceKeys(culture);
        var missing = SourceKeys().Where(k => !translated.ContainsKey(k.Key))
            .Select(k => $"{k.Key}  ({k.Value})").Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} keys missing from SharedResource.{culture}.resx:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ResourceFile_KeepsEveryPlaceholderOfItsKey(string culture)
    {
        var wrong = ResourceKeys(culture)
            .Where(pair => !Placeholders(pair.Key).SetEquals(Placeholders(pair.Value)))
            .Select(pair => pair.Key).ToList();

        Assert.True(wrong.Count == 0, "Placeholders differ from the key's in:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Keys_DifferInMoreThanCase(string culture)
    {
        // Resource names are compared ignoring case when the file is compiled: of "Archived" and "archived" one is
        // dropped with a build warning, and the text asked for by the other shows in English.
        var clashes = ResourceKeys(culture).Keys.Concat(SourceKeys().Keys).Distinct(StringComparer.Ordinal)
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();

        Assert.True(clashes.Count == 0, "Keys that differ only in case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void SourceScan_FindsTheKeysItShould()
    {
        // Guards the scanner itself: if its patterns broke, the test above would pass on nothing.
        var keys = SourceKeys();
        Assert.Contains("Skip to main content", keys.Keys);
        Assert.Contains("Enter the section’s heading.", keys.Keys);
        Assert.Contains("{0} partner cities", keys.Keys);
        Assert.Contains("Choose a sub-area of the chosen area.", keys.Keys);
        Assert.Contains("The project was created.", keys.Keys);
        Assert.True(keys.Count > 500, $"only {keys.Count} keys found");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task PublicAndAdminPages_AskForNoTextTheCultureLacks(string culture)
    {
        var misses = new ConcurrentDictionary<string, string>();
        using var factory = new AdminPortalFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var inner = services.Last(d => d.ServiceType == typeof(IStringLocalizerFactory));
            services.Remove(inner);
            services.AddSingleton<IStringLocalizerFactory>(provider =>
                new RecordingFactory((IStringLocalizerFactory)ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!), misses));
        }));
        var client = factory.CreateClient();
        var project = await client.GetJsonAsync("/api/projects?pageSize=1");
        var projectId = project.GetProperty("items")[0].GetProperty("id").GetInt32();

        string[] pages =
        [
            "/", "/projects", $"/projects/{projectId}", "/projects?area=nowhere&year=abc", "/cities", "/cities?region=nowhere",
            "/countries", "/countries/VN", "/changes", "/api", "/about-data", "/consultations/new", "/consultations/privacy",
            "/search?q=seoul", "/no-such-page",
        ];
        foreach (var page in pages)
        {
            using var response = await client.GetAsync($"/{culture}{page}");
            Assert.True((int)response.StatusCode < 500, $"{page}: {(int)response.StatusCode}");
        }

        // The admin area has no prefix: its language follows the editor's browser.
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        using (var signedIn = await client.SignInAsync(AdminPortalFactory.AdminEmail, AdminPortalFactory.AdminPassword))
        {
            Assert.True(signedIn.IsSuccessStatusCode, $"sign-in: {(int)signedIn.StatusCode}");
        }

        string[] adminPages =
        [
            "/admin", "/admin/projects", $"/admin/projects/{projectId}/edit", $"/admin/projects/{projectId}/history", "/admin/projects/new",
            "/admin/cities", "/admin/cities/new", "/admin/areas", "/admin/content", "/admin/content/new", "/admin/users", "/admin/audit",
            "/admin/requests", "/admin/throttles", "/admin/account/password", "/admin/forgot-password", "/admin/import", "/admin/translations",
            "/admin/translations?kind=section&missing=true",
            await client.TranslationFormAddressAsync(culture, "project", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        foreach (var page in adminPages)
        {
            using var response = await client.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, $"{page}: {(int)response.StatusCode}");
            Assert.Contains($"lang=\"{culture}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(misses.IsEmpty, $"Text missing from {culture}:\n" + string.Join("\n", misses.Keys.Order(StringComparer.Ordinal)));
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    private static Dictionary<string, string> ResourceKeys(string culture) =>
        XDocument.Load(Path.Combine(SourceRoot(), "Resources", $"SharedResource.{culture}.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    /// <summary>Keys written as literals: T["..."], localizer["..."], T.Count(n, "...", "..."), ErrorMessage = "...", Status.Set("..."), validation.Error(field, "...").</summary>
    private static Dictionary<string, string> SourceKeys()
    {
        var root = SourceRoot();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (var pattern in new[] { IndexerPattern(), ErrorMessagePattern(), CountPattern(), MessagePattern() })
            {
                foreach (Match match in pattern.Matches(text))
                {
                    foreach (var group in match.Groups.Cast<Group>().Skip(1).Where(g => g.Success))
                    {
                        keys.TryAdd(Regex.Unescape(group.Value), Path.GetRelativePath(root, file));
                    }
                }
            }
        }

        return keys;
    }

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "SeoulPolicyPortal.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/SeoulPolicyPortal.Web not found above the test output.");
    }

    [GeneratedRegex(@"\b(?:T|t|localizer)\[\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex IndexerPattern();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessagePattern();

    [GeneratedRegex(@"\b(?:T|t|localizer)\.Count\([^,]+,\s*""((?:[^""\\]|\\.)*)""\s*,\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex CountPattern();

    // Messages handed to the localizer later: a status message, an audit detail, a form check's error, a kind's "created" message.
    [GeneratedRegex(@"\b(?:Status\.Set\(|AuditDetail\.Of\(|validation\.Error\([^,]+,\s*|\w*Message\s*=>\s*)""((?:[^""\\]|\\.)*)""")]
    private static partial Regex MessagePattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>Notes every key a non-English culture was asked for and did not have.</summary>
    private sealed class RecordingFactory(IStringLocalizerFactory inner, ConcurrentDictionary<string, string> misses) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new Recording(inner.Create(resourceSource), misses);

        public IStringLocalizer Create(string baseName, string location) => new Recording(inner.Create(baseName, location), misses);
    }

    private sealed class Recording(IStringLocalizer inner, ConcurrentDictionary<string, string> misses) : IStringLocalizer
    {
        public LocalizedString this[string name] => Note(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Note(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Note(LocalizedString value)
        {
            if (value.ResourceNotFound && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en")
            {
                misses.TryAdd(value.Name, CultureInfo.CurrentUICulture.Name);
            }

            return value;
        }
    }
}
