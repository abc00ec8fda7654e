namespace SeoulPolicyPortal.Web.Features.Projects;

/// <summary>
/// A number of matching projects under one value (an area, a country, a region...). <see cref="Declared"/> is the count
/// the source document states for it, given only where the view counts whole areas so that the two compare.
/// </summary>
public sealed record Tally(string Value, string Label, int Count, int? Declared = null, bool Selected = false, string? Note = null);

/// <summary>Projects active in one year, in total and per area (in the order of <see cref="CatalogueSummary.Areas"/>).</summary>
public sealed record YearTally(int Year, int Total, IReadOnlyList<int> PerArea, bool Selected);

/// <summary>
/// The projects that match a catalogue view, counted for the map and the charts. Computed by
/// <see cref="ProjectCatalogue"/> from the same rows and the same filter as the list, so the numbers cannot disagree.
/// </summary>
/// <param name="Countries">Partner countries of the matching projects, by name; a project counts once per country.</param>
/// <param name="Areas">Every live area, zero included.</param>
/// <param name="Concentrations">The chosen area's sub-areas; empty when no area is chosen.</param>
/// <param name="Regions">The source's five regions; a project with partners in several regions counts in each.</param>
/// <param name="WithoutCountry">Matching projects whose partners have no single country ("Developing countries").</param>
/// <param name="Years">Every year from the first start to the last end of the matching projects.</param>
public sealed record CatalogueSummary(
    int Total,
    IReadOnlyList<Tally> Countries,
    IReadOnlyList<Tally> Areas,
    IReadOnlyList<Tally> Concentrations,
    IReadOnlyList<Tally> Regions,
    int WithoutCountry,
    IReadOnlyList<YearTally> Years)
{
    public static readonly CatalogueSummary Empty = new(0, [], [], [], [], 0, []);
}
