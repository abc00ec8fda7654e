namespace SeoulPolicyPortal.Web.Data;

/// <summary>Content an editor can change: versioned for optimistic concurrency, archived instead of deleted.</summary>
public abstract class EditableEntity
{
    public int Id { get; set; }

    /// <summary>Key of the seed-data record this row came from; null for rows editors created.</summary>
    public string? SeedKey { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>Incremented on every save; the concurrency token that stops a stale form overwriting a newer save.</summary>
    public int Version { get; set; } = 1;

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>
/// A country of ISO 3166. <see cref="Code"/> is the key every other table points at; the <see cref="EditableEntity.Id"/>
/// that the editing pipeline and revisions need is <see cref="IdOf"/>, a number derived from the code, unique but not a
/// key, so no foreign key changed when countries became editable. Countries are never archived or deleted.
/// </summary>
public sealed class Country : EditableEntity
{
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string Code { get; set; }

    /// <summary>The code's place among AA…ZZ (AA = 1, ZZ = 676): the same number on every database, computed also in SQL by
    /// the migration that added it.</summary>
    public static int IdOf(string code) => (code[0] - 'A') * 26 + (code[1] - 'A') + 1;

    public required string Name { get; set; }

    /// <summary>Other spellings readers search by, separated by '|'.</summary>
    public string Aliases { get; set; } = "";

    /// <summary>One of the source's five regions, so that projects and countries can be grouped as its city table is.</summary>
    public int? RegionId { get; set; }

    public Region? Region { get; set; }
}

/// <summary>One of the source's regions; edited like content, never archived (a city always has one).</summary>
public sealed class Region : EditableEntity
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }

    /// <summary>How many partner cities the source document says the region has (the table lists only some).</summary>
    public int? DeclaredCityCount { get; set; }
}

public enum CityRelationship
{
    Sister,
    Friendship,
}

public sealed class City : EditableEntity
{
    public required string Name { get; set; }
    public required string CountryCode { get; set; }
    public Country? Country { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public CityRelationship Relationship { get; set; }

    /// <summary>Year the relationship began, only where a source gives it.</summary>
    public int? SinceYear { get; set; }

    public string? Note { get; set; }

    /// <summary>Where the city's marker goes on the map (WGS 84 degrees); null for a province or an unplaced city.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Lower-cased, accent-free name and country names; see <see cref="SearchText"/>.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Other spellings that should find the city in search ("Teheran"), separated by '|'.</summary>
    public string Aliases { get; set; } = "";
}

public sealed class Area : EditableEntity
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public int? DeclaredProjectCount { get; set; }

    /// <summary>What a reader should know about the area's name or count, e.g. a heading reconstructed from its rows.</summary>
    public string? Note { get; set; }

    public List<Concentration> Concentrations { get; set; } = [];
}

public sealed class Concentration : EditableEntity
{
    public int AreaId { get; set; }
    public Area? Area { get; set; }

    /// <summary>Unique within its area; the same sub-area name under two areas shares a slug on purpose.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }
    public int Position { get; set; }
    public int? DeclaredProjectCount { get; set; }
}

public sealed class Project : EditableEntity
{
    public required string Title { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public int ConcentrationId { get; set; }
    public Concentration? Concentration { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public string? DescriptionMarkdown { get; set; }

    /// <summary>
    /// <see cref="DescriptionMarkdown"/> rendered when it was saved (see <see cref="MarkdownHtml"/>), so a view never
    /// parses Markdown; null while there is no description.
    /// </summary>
    public string? DescriptionHtml { get; set; }

    public List<ProjectPartner> Partners { get; set; } = [];

    /// <summary>Lower-cased, accent-free title, partner names and partner country names; see <see cref="SearchText"/>.</summary>
    public string SearchText { get; set; } = "";
}

/// <summary>A city or organisation Seoul worked with; no country for multi-country partners ("Developing countries").</summary>
public sealed class ProjectPartner
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string? CountryCode { get; set; }
    public Country? Country { get; set; }
    public string? Name { get; set; }
    public int Position { get; set; }
}

/// <summary>A section of the overview page, written in Markdown.</summary>
public sealed class ContentSection : EditableEntity
{
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string BodyMarkdown { get; set; }

    /// <summary><see cref="BodyMarkdown"/> rendered when it was saved; null only until <see cref="MarkdownHtml"/> fills it.</summary>
    public string? BodyHtml { get; set; }

    public int Position { get; set; }
}

/// <summary>
/// A figure as the source document states it, shown beside the figure computed from the database. <see cref="Key"/> is
/// how code finds it (unique, never changes); the int id is what the editing pipeline and its revisions address.
/// </summary>
public sealed class StatedFigure : EditableEntity
{
    public required string Key { get; set; }
    public int Value { get; set; }

    /// <summary>What the overview's "At a glance" calls the figure (translated through Translations, kind "figure").</summary>
    public required string Label { get; set; }

    public string? AsOf { get; set; }
}

/// <summary>
/// A short text of the site that editors own (the overview's heading and opening sentence), found by its
/// <see cref="Key"/>; other languages are Translations rows of kind "site-text", keyed by <see cref="Key"/>.
/// </summary>
public sealed class SiteText : EditableEntity
{
    public const int MaxLength = 400;

    public const string OverviewHeading = "overview-heading";
    public const string OverviewLead = "overview-lead";

    public required string Key { get; set; }
    public required string Text { get; set; }
}

/// <summary>Ledger of seed records already inserted: a record is inserted once, ever, so editors' changes stand.</summary>
public sealed class AppliedSeed
{
    public required string Key { get; set; }
    public DateTime AppliedAtUtc { get; set; }
}

/// <summary>
/// One saved change to an editable row: the full editable state after the change and the state before it, both as
/// JSON. Written in the same transaction as the change; restoring an old state writes a new revision.
/// </summary>
public sealed class Revision
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public int Version { get; set; }
    public required string Action { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public required string ChangedBy { get; set; }

    /// <summary>A readable name of the row at the time (a project's title), so the audit log needs no join.</summary>
    public required string Label { get; set; }

    public required string SnapshotJson { get; set; }
    public string? PreviousSnapshotJson { get; set; }

    /// <summary>The spreadsheet import that created the row (Data/Imports), so the batch can be undone as a whole.</summary>
    public int? ImportBatchId { get; set; }
}

/// <summary>Something that happened to an account: sign-ins that succeeded, failed or hit the lockout, users and roles changed.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Kind { get; set; }
    public string? Email { get; set; }
    public string? ActedBy { get; set; }
    public string? IpAddress { get; set; }
    public string? Detail { get; set; }
}

/// <summary>
/// A single row whose value goes up in the same transaction as every change to published content. A reader that keeps
/// a copy of content in memory labels it with the version it read <em>before</em> the content, and asks for the
/// version on every request: a copy is used only while the database still holds that version, so instances never
/// disagree and an editor's save shows on the next request everywhere.
/// </summary>
public sealed class ContentVersion
{
    public int Id { get; set; }
    public long Value { get; set; }

    /// <summary>When <see cref="Value"/> last moved: the Last-Modified of everything derived from published content.</summary>
    public DateTime ChangedAtUtc { get; set; }
}
