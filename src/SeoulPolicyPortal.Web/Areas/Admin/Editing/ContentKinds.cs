using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Areas.Admin.Editing;

public sealed record PartnerSnapshot(string? CountryCode, string? Name);

public sealed record ProjectSnapshot(
    string Title, int AreaId, int ConcentrationId, int StartYear, int EndYear, string? DescriptionMarkdown,
    IReadOnlyList<PartnerSnapshot> Partners, bool IsArchived);

// Fields added later come last with a default: a revision saved before they existed still reads (as empty).
public sealed record CitySnapshot(
    string Name, string CountryCode, int RegionId, CityRelationship Relationship, int? SinceYear, string? Note, bool IsArchived,
    double? Latitude = null, double? Longitude = null);

public sealed record AreaSnapshot(string Slug, string Name, int Position, int? DeclaredProjectCount, bool IsArchived, string? Note = null);

public sealed record ConcentrationSnapshot(int AreaId, string Slug, string Name, int Position, int? DeclaredProjectCount, bool IsArchived);

public sealed record ContentSnapshot(string Slug, string Title, string BodyMarkdown, int Position, bool IsArchived);

public sealed record SiteTextSnapshot(string Text, bool IsArchived);

public sealed record FigureSnapshot(int Value, string Label, string? AsOf, bool IsArchived);

public sealed record CountrySnapshot(string Name, IReadOnlyList<string> Aliases, int? RegionId, bool IsArchived);

public sealed record RegionSnapshot(string Name, int? DeclaredCityCount, bool IsArchived);

/// <summary>A row that changed because another did (a city moved with its country's region), with its state before.</summary>
public sealed record Follower(ContentKind Kind, EditableEntity Entity, string SnapshotBefore);

/// <summary>
/// What the revision history needs to know about one kind of editable row: how to load it, how to take a snapshot
/// of its editable state, and how to put an old snapshot back.
/// </summary>
public abstract class ContentKind
{
    // Korean and Spanish text kept as itself in revisions and drafts, not as \uXXXX escapes (a third of the size).
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static readonly ProjectKind Project = new();
    public static readonly CityKind City = new();
    public static readonly AreaKind Area = new();
    public static readonly ConcentrationKind Concentration = new();
    public static readonly ContentSectionKind Content = new();
    public static readonly SiteTextKind SiteText = new();
    public static readonly FigureKind Figure = new();
    public static readonly CountryKind Country = new();
    public static readonly RegionKind Region = new();
    public static readonly Translations.TranslationKind Translation = new();

    public static readonly IReadOnlyList<ContentKind> All = [Project, City, Area, Concentration, Content, SiteText, Figure, Country, Region, Translation];

    /// <summary>Stored in Revision.EntityType.</summary>
    public abstract string Type { get; }

    /// <summary>The URL segment under /admin, and the <c>segment</c> route value of the revisions controller.</summary>
    public abstract string Segment { get; }

    /// <summary>The controller that edits this kind (its create and edit actions are the editing flow's).</summary>
    public abstract string Controller { get; }

    /// <summary>The controller whose Index lists this kind.</summary>
    public virtual string ListController => Controller;

    public abstract string Noun { get; }

    /// <summary>A new row of this kind is kept as a draft until a reviewer publishes it (issue 13: projects and cities).</summary>
    public virtual bool NewStartsAsDraft => false;

    /// <summary>False for countries (ISO 3166 is complete) and regions (the source's five): no create form.</summary>
    public virtual bool CanCreate => true;

    /// <summary>False where readers would lose something an archive cannot explain (a city always needs its country and region).</summary>
    public virtual bool CanArchive => true;

    public static ContentKind? FromSegment(string segment) => All.FirstOrDefault(k => k.Segment == segment);

    public static ContentKind? FromType(string type) => All.FirstOrDefault(k => k.Type == type);

    public abstract Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken);

    /// <summary>An empty row of this kind, for a create (a snapshot is applied to it before it is saved).</summary>
    public abstract EditableEntity New();

    public abstract string SnapshotJson(EditableEntity entity);

    public abstract string Describe(EditableEntity entity);

    /// <summary>Puts a snapshot's values back on the tracked row (a restore); the archived flag included.</summary>
    public abstract void Apply(EditableEntity entity, string snapshotJson);

    /// <summary>The row's Markdown, for the kinds that have some: what must be renderable before it is saved.</summary>
    public virtual string? Markdown(EditableEntity entity) => null;

    /// <summary>Writes the rows a save of this kind carries besides its own (a translation's texts), before they are saved.</summary>
    public virtual Task WriteDependentsAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Recomputes stored derived columns (search text) so every save keeps them true.</summary>
    public virtual Task RefreshDerivedAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Other rows that must change with this one, already changed on tracked rows; the editor saves them in the same
    /// transaction, each with its own revision.
    /// </summary>
    public virtual Task<IReadOnlyList<Follower>> FollowersAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Follower>>([]);
}

public abstract class ContentKind<TEntity, TSnapshot> : ContentKind where TEntity : EditableEntity
{
    public abstract TSnapshot Snapshot(TEntity entity);

    public abstract void Apply(TEntity entity, TSnapshot snapshot);

    public abstract string Describe(TEntity entity);

    public override string SnapshotJson(EditableEntity entity) => JsonSerializer.Serialize(Snapshot((TEntity)entity), Json);

    public override string Describe(EditableEntity entity) => Describe((TEntity)entity);

    public override void Apply(EditableEntity entity, string snapshotJson) =>
        Apply((TEntity)entity, JsonSerializer.Deserialize<TSnapshot>(snapshotJson, Json)
            ?? throw new InvalidOperationException("An empty snapshot cannot be restored."));
}

public sealed class ProjectKind : ContentKind<Project, ProjectSnapshot>
{
    public override string Type => "project";

    public override EditableEntity New() => new Project { Title = "" };

    public override string Controller => "Projects";
    public override string Segment => "projects";
    public override string Noun => "Project";

    public override bool NewStartsAsDraft => true;

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Projects.Include(p => p.Partners).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public override ProjectSnapshot Snapshot(Project p) => new(
        p.Title, p.AreaId, p.ConcentrationId, p.StartYear, p.EndYear, p.DescriptionMarkdown,
        p.Partners.OrderBy(pp => pp.Position).Select(pp => new PartnerSnapshot(pp.CountryCode, pp.Name)).ToList(), p.IsArchived);

    public override void Apply(Project p, ProjectSnapshot s)
    {
        p.Title = s.Title;
        p.AreaId = s.AreaId;
        p.ConcentrationId = s.ConcentrationId;
        p.StartYear = s.StartYear;
        p.EndYear = s.EndYear;
        p.DescriptionMarkdown = s.DescriptionMarkdown;
        p.IsArchived = s.IsArchived;
        SetPartners(p, s.Partners);
    }

    public static void SetPartners(Project project, IEnumerable<PartnerSnapshot> partners)
    {
        project.Partners.Clear();
        var position = 1;
        foreach (var partner in partners)
        {
            project.Partners.Add(new ProjectPartner { CountryCode = partner.CountryCode, Name = partner.Name, Position = position++ });
        }
    }

    public override string Describe(Project entity) => entity.Title;

    public override string? Markdown(EditableEntity entity) => ((Project)entity).DescriptionMarkdown;

    public override async Task RefreshDerivedAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var project = (Project)entity;
        project.SearchText = SearchText.ForProject(project, countries);
    }
}

public sealed class CityKind : ContentKind<City, CitySnapshot>
{
    public override string Type => "city";

    public override EditableEntity New() => new City { Name = "", CountryCode = "" };

    public override string Controller => "Cities";
    public override string Segment => "cities";
    public override string Noun => "Partner city";

    public override bool NewStartsAsDraft => true;

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Cities.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public override CitySnapshot Snapshot(City c) =>
        new(c.Name, c.CountryCode, c.RegionId, c.Relationship, c.SinceYear, c.Note, c.IsArchived, c.Latitude, c.Longitude);

    public override void Apply(City c, CitySnapshot s)
    {
        c.Name = s.Name;
        c.CountryCode = s.CountryCode;
        c.RegionId = s.RegionId;
        c.Relationship = s.Relationship;
        c.SinceYear = s.SinceYear;
        c.Note = s.Note;
        c.IsArchived = s.IsArchived;
        c.Latitude = s.Latitude;
        c.Longitude = s.Longitude;
    }

    public override string Describe(City entity) => entity.Name;

    public override async Task RefreshDerivedAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken)
    {
        var city = (City)entity;
        // Find: the tracked country when the city moves with it (its new region is not saved yet).
        var country = await db.Countries.FindAsync([city.CountryCode], cancellationToken)
            ?? throw new InvalidOperationException($"No country {city.CountryCode}.");
        city.SearchText = SearchText.ForCity(city, country);

        // A city's region is its country's, whichever way it is saved (form, draft, restore of an older state). A country
        // without a region keeps the city's: the form refuses such a country, so only an old state can bring one here.
        if (country.RegionId is { } regionId)
        {
            city.RegionId = regionId;
        }
    }
}

public sealed class AreaKind : ContentKind<Area, AreaSnapshot>
{
    public override string Type => "area";

    public override EditableEntity New() => new Area { Name = "", Slug = "" };

    public override string Controller => "Areas";
    public override string Segment => "areas";
    public override string Noun => "Area";

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Areas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public override AreaSnapshot Snapshot(Area a) => new(a.Slug, a.Name, a.Position, a.DeclaredProjectCount, a.IsArchived, a.Note);

    public override void Apply(Area a, AreaSnapshot s)
    {
        a.Slug = s.Slug;
        a.Name = s.Name;
        a.Position = s.Position;
        a.DeclaredProjectCount = s.DeclaredProjectCount;
        a.IsArchived = s.IsArchived;
        a.Note = s.Note;
    }

    public override string Describe(Area entity) => entity.Name;
}

public sealed class ConcentrationKind : ContentKind<Concentration, ConcentrationSnapshot>
{
    public override string Type => "concentration";

    public override EditableEntity New() => new Concentration { Name = "", Slug = "" };

    public override string Controller => "Concentrations";
    public override string Segment => "concentrations";
    public override string Noun => "Sub-area";
    public override string ListController => "Areas";

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Concentrations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public override ConcentrationSnapshot Snapshot(Concentration c) => new(c.AreaId, c.Slug, c.Name, c.Position, c.DeclaredProjectCount, c.IsArchived);

    public override void Apply(Concentration c, ConcentrationSnapshot s)
    {
        c.AreaId = s.AreaId;
        c.Slug = s.Slug;
        c.Name = s.Name;
        c.Position = s.Position;
        c.DeclaredProjectCount = s.DeclaredProjectCount;
        c.IsArchived = s.IsArchived;
    }

    public override string Describe(Concentration entity) => entity.Name;
}

public sealed class ContentSectionKind : ContentKind<ContentSection, ContentSnapshot>
{
    public override string Type => "content";

    public override EditableEntity New() => new ContentSection { Slug = "", Title = "", BodyMarkdown = "" };

    public override string Controller => "Content";
    public override string Segment => "content";
    public override string Noun => "Overview section";

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.ContentSections.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public override ContentSnapshot Snapshot(ContentSection s) => new(s.Slug, s.Title, s.BodyMarkdown, s.Position, s.IsArchived);

    public override void Apply(ContentSection c, ContentSnapshot s)
    {
        c.Slug = s.Slug;
        c.Title = s.Title;
        c.BodyMarkdown = s.BodyMarkdown;
        c.Position = s.Position;
        c.IsArchived = s.IsArchived;
    }

    public override string Describe(ContentSection entity) => entity.Title;

    public override string? Markdown(EditableEntity entity) => ((ContentSection)entity).BodyMarkdown;
}

public sealed class SiteTextKind : ContentKind<SiteText, SiteTextSnapshot>
{
    public override string Type => "site-text";

    public override EditableEntity New() => new SiteText { Key = "", Text = "" };

    public override string Controller => "SiteTexts";
    public override string Segment => "site-texts";
    public override string Noun => "Overview heading text";
    public override bool CanCreate => false;
    public override bool CanArchive => false;

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.SiteTexts.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public override SiteTextSnapshot Snapshot(SiteText t) => new(t.Text, t.IsArchived);

    public override void Apply(SiteText t, SiteTextSnapshot s)
    {
        t.Text = s.Text;
        t.IsArchived = s.IsArchived;
    }

    public override string Describe(SiteText entity) => Name(entity.Key);

    /// <summary>What editors call a site text; the English text is a key of SharedResource.</summary>
    public static string Name(string key) => key switch
    {
        Data.SiteText.OverviewHeading => "Overview heading",
        Data.SiteText.OverviewLead => "Overview opening sentence",
        _ => key,
    };
}

public sealed class FigureKind : ContentKind<StatedFigure, FigureSnapshot>
{
    public override string Type => "figure";

    public override EditableEntity New() => new StatedFigure { Key = "", Label = "" };

    public override string Controller => "Figures";
    public override string Segment => "figures";
    public override string Noun => "Headline figure";
    public override string ListController => "SiteTexts";
    public override bool CanCreate => false;
    public override bool CanArchive => false;

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.StatedFigures.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    public override FigureSnapshot Snapshot(StatedFigure f) => new(f.Value, f.Label, f.AsOf, f.IsArchived);

    public override void Apply(StatedFigure f, FigureSnapshot s)
    {
        f.Value = s.Value;
        f.Label = s.Label;
        f.AsOf = s.AsOf;
        f.IsArchived = s.IsArchived;
    }

    public override string Describe(StatedFigure entity) => entity.Label;
}

public sealed class CountryKind : ContentKind<Country, CountrySnapshot>
{
    public override string Type => "country";

    public override EditableEntity New() => throw new NotSupportedException("Countries come from ISO 3166 and are not created.");

    public override string Controller => "Countries";
    public override string Segment => "countries";
    public override string Noun => "Country";

    public override bool CanCreate => false;
    public override bool CanArchive => false;

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Countries.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public override CountrySnapshot Snapshot(Country c) =>
        new(c.Name, c.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries), c.RegionId, c.IsArchived);

    public override void Apply(Country c, CountrySnapshot s)
    {
        c.Name = s.Name;
        c.Aliases = string.Join('|', s.Aliases);
        c.RegionId = s.RegionId;
        c.IsArchived = s.IsArchived;
    }

    public override string Describe(Country entity) => $"{entity.Name} ({entity.Code})";

    // The admin lists' searches read the stored search text of cities and projects (archived projects are not in the
    // full-text index), which holds the names and aliases of their countries. It is written without a new version: it
    // is not part of what an editor saves, so no editor's open city or project form turns stale.
    public override async Task RefreshDerivedAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken)
    {
        var country = (Country)entity;
        foreach (var city in await db.Cities.AsNoTracking().Where(c => c.CountryCode == country.Code).ToListAsync(cancellationToken))
        {
            var text = SearchText.ForCity(city, country);
            if (text != city.SearchText)
            {
                await db.Cities.Where(c => c.Id == city.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.SearchText, text), cancellationToken);
            }
        }

        var projects = await db.Projects.AsNoTracking().Include(p => p.Partners.OrderBy(pp => pp.Position))
            .Where(p => p.Partners.Any(pp => pp.CountryCode == country.Code)).ToListAsync(cancellationToken);
        if (projects.Count == 0)
        {
            return;
        }

        // The other partners' countries as saved, this one as it is about to be saved.
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        countries[country.Code] = country;
        foreach (var project in projects)
        {
            var text = SearchText.ForProject(project, countries);
            if (text != project.SearchText)
            {
                await db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SearchText, text), cancellationToken);
            }
        }
    }

    /// <summary>Every city of the country moves with its region (issue 13: a city's region is its country's).</summary>
    public override async Task<IReadOnlyList<Follower>> FollowersAsync(PortalDbContext db, EditableEntity entity, CancellationToken cancellationToken)
    {
        var country = (Country)entity;
        if (country.RegionId is not { } regionId)
        {
            return [];
        }

        var cities = await db.Cities.Where(c => c.CountryCode == country.Code && c.RegionId != regionId).ToListAsync(cancellationToken);
        return cities.Select(city =>
        {
            var before = City.SnapshotJson(city);
            city.RegionId = regionId;
            return new Follower(City, city, before);
        }).ToList();
    }
}

public sealed class RegionKind : ContentKind<Region, RegionSnapshot>
{
    public override string Type => "region";

    public override EditableEntity New() => throw new NotSupportedException("Regions are the source's and are not created.");

    public override string Controller => "Regions";
    public override string Segment => "regions";
    public override string Noun => "Region";

    public override bool CanCreate => false;
    public override bool CanArchive => false;

    public override async Task<EditableEntity?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Regions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public override RegionSnapshot Snapshot(Region r) => new(r.Name, r.DeclaredCityCount, r.IsArchived);

    public override void Apply(Region r, RegionSnapshot s)
    {
        r.Name = s.Name;
        r.DeclaredCityCount = s.DeclaredCityCount;
        r.IsArchived = s.IsArchived;
    }

    public override string Describe(Region entity) => entity.Name;
}
