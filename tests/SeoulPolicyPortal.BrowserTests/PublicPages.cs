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
        "/projects?area=transportation&country=PH",
        // A chosen area: the per-area chart becomes its sub-areas'.
        "/projects?area=e-government",
        // A chosen country: hatched on the map.
        "/projects?country=VN",
        // Redirects to the canonical /projects/1/{slug}.
        "/projects/1",
        "/countries",
        "/countries/VN",
        "/about-data",
        NotFound,
    ];
}
