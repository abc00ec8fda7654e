using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SeoulPolicyPortal.Tests.Admin;

namespace SeoulPolicyPortal.Tests.Localization;

/// <summary>The culture is in the address, links keep it, and the switcher and alternates lead to the same page.</summary>
[Collection(SharedPortal.Name)]
public sealed class LanguageTests(PortalFactory factory)
{
    [Theory]
    [InlineData("/ko/projects", "ko", "사업")]
    [InlineData("/es/cities", "es", "Ciudades socias")]
    [InlineData("/projects", "en", "Projects")]
    public async Task Page_InACultureAddress_RendersThatLanguage(string url, string lang, string navText)
    {
        var page = await factory.CreateClient().GetDocumentAsync(url);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(page.QuerySelectorAll("header nav a"), a => a.TextContent.Trim() == navText);
    }

    [Fact]
    public async Task Links_UnderKorean_KeepTheKoreanPrefix()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/ko/projects?area=e-government");
        var internalLinks = page.QuerySelectorAll("main a[href^='/'], header nav[aria-label] a[href^='/']")
            .Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith("/ko", StringComparison.Ordinal)).ToList();

        // Only the switcher's own English and Spanish links leave /ko.
        Assert.DoesNotContain(internalLinks, h => !h.StartsWith("/es", StringComparison.Ordinal) && h != "/projects?area=e-government");
        Assert.Contains(page.QuerySelectorAll(".project-title a"), a => a.GetAttribute("href")!.StartsWith("/ko/projects/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Switcher_KeepsThePageAndItsFilters()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/ko/projects?area=e-government&year=2015");
        var links = page.QuerySelectorAll("nav.languages a").ToDictionary(a => a.GetAttribute("hreflang")!, a => a.GetAttribute("href"));

        Assert.Equal("/projects?area=e-government&year=2015", links["en"]);
        Assert.Equal("/ko/projects?area=e-government&year=2015", links["ko"]);
        Assert.Equal("/es/projects?area=e-government&year=2015", links["es"]);
        Assert.Equal("true", page.QuerySelector("nav.languages a[hreflang='ko']")!.GetAttribute("aria-current"));

        var followed = await factory.CreateClient().GetDocumentAsync(links["es"]!);
        Assert.Equal("es", followed.DocumentElement.GetAttribute("lang"));
        Assert.Equal("2015", followed.QuerySelector("select[name='year'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task EveryPage_HasHreflangAlternatesForEachLanguage()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/es/countries/VN");
        var alternates = page.QuerySelectorAll("link[rel='alternate'][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);

        Assert.EndsWith("/countries/VN", alternates["en"], StringComparison.Ordinal);
        Assert.EndsWith("/ko/countries/VN", alternates["ko"], StringComparison.Ordinal);
        Assert.EndsWith("/es/countries/VN", alternates["es"], StringComparison.Ordinal);
        Assert.Equal(alternates["en"], alternates["x-default"]);
    }

    [Fact]
    public async Task Pages_IgnoreAcceptLanguage_TheAddressDecides()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko");

        var page = await client.GetDocumentAsync("/projects");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task SeededNames_AreShownInKoreanAndSpanish()
    {
        var ko = await factory.CreateClient().GetDocumentAsync("/ko/countries");
        var es = await factory.CreateClient().GetDocumentAsync("/es/cities?country=IR");

        Assert.Contains(ko.QuerySelectorAll("main a"), a => a.TextContent.Trim() == "베트남");
        Assert.Contains("Teherán", es.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Irán", es.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_TakesLangOrAcceptLanguage_ForNames_AndKeepsIdsAndSlugs()
    {
        var client = factory.CreateClient();
        var english = await client.GetJsonAsync("/api/projects?area=e-government&pageSize=100");
        var korean = await client.GetJsonAsync("/api/projects?area=e-government&pageSize=100&lang=ko");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var spanish = await client.GetJsonAsync("/api/projects?area=e-government&pageSize=100");

        static List<int> Ids(System.Text.Json.JsonElement json) => json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(Ids(english), Ids(korean));
        Assert.Equal(Ids(english), Ids(spanish));
        Assert.Equal("e-Government System", english.GetProperty("items")[0].GetProperty("areaName").GetString());
        Assert.Equal("전자정부 시스템", korean.GetProperty("items")[0].GetProperty("areaName").GetString());
        Assert.Equal("Sistema de gobierno electrónico", spanish.GetProperty("items")[0].GetProperty("areaName").GetString());
        Assert.Equal("e-government", korean.GetProperty("items")[0].GetProperty("area").GetString());
    }

    [Fact]
    public async Task Export_TakesLang_ForNames()
    {
        var csv = await factory.CreateClient().GetStringAsync("/cities.csv?country=IR&lang=es");

        Assert.Contains("Teherán", csv, StringComparison.Ordinal);
        Assert.Contains(",IR", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitemap_ListsEveryLanguage()
    {
        var sitemap = await factory.CreateClient().GetStringAsync("/sitemap.xml");

        Assert.Contains("/ko/projects</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("/es/cities</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"ko\"", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminUnderACulturePrefix_RedirectsToTheOneAdminAddress()
    {
        using var response = await factory.CreatePortalClient().GetAsync("/ko/admin/projects");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/projects", response.Headers.Location!.OriginalString);
    }
}

/// <summary>Content translated in the admin area shows under its language; what is not falls back, marked.</summary>
public sealed class ContentTranslationTests : IClassFixture<AdminPortalFactory>
{
    private readonly AdminPortalFactory _factory;

    public ContentTranslationTests(AdminPortalFactory factory) => _factory = factory;

    [Fact]
    public async Task TranslatedTitle_ShowsUnderKorean_UntranslatedFallsBackWithItsHint_AndTheDashboardCounts()
    {
        var admin = await _factory.SignedInClientAsync();
        var projects = await admin.GetJsonAsync("/api/projects?sort=title&pageSize=2");
        var (translatedId, otherId) = (projects.GetProperty("items")[0].GetProperty("id").GetInt32(), projects.GetProperty("items")[1].GetProperty("id").GetInt32());
        var missingBefore = await MissingAsync(admin, "ko");

        var form = await admin.GetDocumentAsync(await admin.TranslationFormAddressAsync("ko", "project", translatedId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(form.QuerySelectorAll(".original[lang='en']"), o => o.TextContent.Length > 0);
        using (var saved = await admin.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.stacked-form")!,
            new Dictionary<string, string> { ["Input.Title"] = "서울 교통 <정책> 자문" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var reader = _factory.CreateClient();
        var english = await reader.GetDocumentAsync($"/projects/{translatedId}");
        var korean = await reader.GetDocumentAsync(english.QuerySelector("link[rel='alternate'][hreflang='ko']")!.GetAttribute("href")!);
        Assert.Equal("서울 교통 <정책> 자문", korean.QuerySelector("h1 span")!.TextContent);
        Assert.Null(korean.QuerySelector("h1 span")!.GetAttribute("lang"));
        Assert.Null(korean.QuerySelector("h1 .untranslated"));
        // The address keeps its English slug.
        Assert.Equal(english.QuerySelector("link[rel='canonical']")!.GetAttribute("href")!.Replace("/projects/", "/ko/projects/", StringComparison.Ordinal),
            korean.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));

        var other = await reader.GetDocumentAsync($"/ko/projects/{otherId}");
        Assert.Equal("en", other.QuerySelector("h1 span")!.GetAttribute("lang"));
        Assert.Equal("아직 번역되지 않음", other.QuerySelector("h1 .untranslated")!.TextContent.Trim());

        var list = await reader.GetDocumentAsync("/ko/projects?sort=title&pageSize=100");
        var card = list.QuerySelectorAll(".project-title").First(t => t.QuerySelector("a")!.GetAttribute("href")!.Contains($"/{translatedId}/", StringComparison.Ordinal));
        Assert.Equal("서울 교통 <정책> 자문", card.QuerySelector("a")!.TextContent);

        Assert.Equal(missingBefore - 1, await MissingAsync(admin, "ko"));
        var search = await reader.GetDocumentAsync("/ko/search?q=" + Uri.EscapeDataString("교통 정책"));
        Assert.Contains(search.QuerySelectorAll(".search-results a"), a => a.TextContent == "서울 교통 <정책> 자문" && a.QuerySelectorAll("mark").Length == 2);
    }

    [Fact]
    public async Task Translation_WithUnreadableMarkdown_IsRefusedAndKept()
    {
        var admin = await _factory.SignedInClientAsync();
        var form = await admin.GetDocumentAsync("/admin/translations?culture=es&kind=section");
        var edit = form.QuerySelectorAll("table.admin-list a").First().GetAttribute("href")!;
        using var opened = await admin.GetAsync(edit);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var page = await admin.GetDocumentAsync(opened.Headers.Location!.OriginalString);

        using var response = await admin.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.stacked-form")!,
            new Dictionary<string, string> { ["Input.Title"] = "Sección", ["Input.Body"] = new string('[', 5000) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = await Http.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(again.QuerySelector(".error-summary"));
        Assert.Equal("Sección", again.QuerySelector<IHtmlInputElement>("input[name='Input.Title']")!.Value);
    }

    private static async Task<int> MissingAsync(HttpClient admin, string culture)
    {
        var dashboard = await admin.GetDocumentAsync("/admin");
        return int.Parse(dashboard.QuerySelector($"[data-missing='{culture}']")!.TextContent.Replace(",", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
