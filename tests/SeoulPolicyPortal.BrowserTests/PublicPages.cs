namespace SeoulPolicyPortal.BrowserTests;

/// <summary>Every public page a visitor can reach, each state of it that renders differently, and the 404 page.</summary>
public static class PublicPages
{
    public const string NotFound = "/no-such-page";

    public static readonly TheoryData<string> All =
    [
        "/",
        "/cities",
        "/cities?region=europe&type=sister",
        "/projects",
        // Carries the download links and the feed link of the filtered view.
        "/projects?area=transportation&country=PH",
        // A chosen area: the per-area chart becomes its sub-areas'.
        "/projects?area=e-government",
        // A chosen country: hatched on the map.
        "/projects?country=VN",
        // Redirects to the canonical /projects/1/{slug}.
        "/projects/1",
        "/countries",
        "/countries/VN",
        // Take-away pages: what changed, and the downloads and API explained.
        "/changes",
        "/api",
        "/consultations/new",
        "/consultations/new?aboutProject=1",
        "/consultations/privacy",
        "/about-data",
        "/search",
        "/search?q=seoul+water",
        NotFound,
    ];

    /// <summary>The same pages in Korean and Spanish: the interface must pass in every language, not only in English.</summary>
    public static readonly TheoryData<string> Translated = [.. ((IEnumerable<string>)All).SelectMany(path => new[] { "/ko" + path, "/es" + path })];
}
