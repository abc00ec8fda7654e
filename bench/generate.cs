// Grows a portal database with realistic synthetic projects, for the scale curve (bench/scale.sh). Never point it at
// the real database: it adds thousands of made-up projects as published content.
//
//   dotnet run --file bench/generate.cs -c Release -- <Sqlite|PostgreSQL> "<connection string>" <projects> [seed]
//
// The database must already be migrated and seeded (start the app on it once). Projects are added until the catalogue
// holds <projects>: titles, areas, sub-areas, years and descriptions are drawn from the real seed projects, partners
// from the real countries with made-up city names; one partner city joins the directory for every 20 projects, and
// every project gets its "created" revision, as an editor's would. The same seed gives the same database.
#:project ../src/SeoulPolicyPortal.Web/SeoulPolicyPortal.Web.csproj
// File-based programs default to native AOT, under which EF Core refuses to build a model at run time.
#:property PublishAot=false
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: generate.cs <Sqlite|PostgreSQL> <connection string> <projects> [seed]");
    return 2;
}

var postgres = string.Equals(args[0], DatabaseSetup.PostgresProvider, StringComparison.OrdinalIgnoreCase);
var target = int.Parse(args[2]);
var random = new Random(args.Length > 3 ? int.Parse(args[3]) : 14);
PortalDbContext Open() => postgres
    ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(args[1]).Options)
    : new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(args[1]).Options);

await using var reader = Open();
var templates = await reader.Projects.AsNoTracking().Where(p => p.SeedKey != null).Include(p => p.Partners).ToListAsync();
var concentrations = await reader.Concentrations.AsNoTracking().Select(c => new { c.Id, c.AreaId }).ToListAsync();
var countries = await reader.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code);
var regions = await reader.Regions.AsNoTracking().Select(r => r.Id).ToListAsync();
var existing = await reader.Projects.CountAsync();
var cityCount = await reader.Cities.CountAsync();
var kind = ContentKind.FromSegment("projects")!;
string[] syllables = ["ba", "lo", "ngu", "ta", "ri", "mon", "sa", "ke", "du", "vi", "ar", "el", "po", "zan", "qui", "han"];
string Place() => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)])) is var s
    ? char.ToUpperInvariant(s[0]) + s[1..]
    : "";
var codes = countries.Keys.Where(c => c != "KR").ToList();

Console.WriteLine($"{existing} projects and {cityCount} cities now; adding {Math.Max(0, target - existing)} projects...");
var added = 0;
while (existing + added < target)
{
    await using var db = Open();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var batch = new List<SeoulPolicyPortal.Web.Data.Project>();
    for (var i = 0; i < 1000 && existing + added < target; i++, added++)
    {
        var template = templates[random.Next(templates.Count)];
        var concentration = concentrations[random.Next(concentrations.Count)];
        var start = random.Next(1995, 2026);
        var partners = Enumerable.Range(1, random.Next(1, 4)).Select(position => new ProjectPartner
        {
            CountryCode = codes[random.Next(codes.Count)],
            Name = $"{Place()} City",
            Position = position,
        }).ToList();
        var project = new SeoulPolicyPortal.Web.Data.Project
        {
            Title = $"{template.Title} in {partners[0].Name}",
            AreaId = concentration.AreaId,
            ConcentrationId = concentration.Id,
            StartYear = start,
            EndYear = Math.Min(2026, start + random.Next(0, 4)),
            DescriptionMarkdown = template.DescriptionMarkdown,
            Partners = partners,
            UpdatedBy = "generator",
        };
        project.SearchText = SearchText.ForProject(project, countries);
        batch.Add(project);
        db.Projects.Add(project);
        if ((existing + added) % 20 == 0)
        {
            var code = codes[random.Next(codes.Count)];
            var city = new City
            {
                Name = Place(),
                CountryCode = code,
                RegionId = regions[random.Next(regions.Count)],
                Relationship = random.Next(4) == 0 ? CityRelationship.Sister : CityRelationship.Friendship,
                SinceYear = random.Next(1970, 2026),
            };
            city.SearchText = SearchText.ForCity(city, countries[code]);
            db.Cities.Add(city);
        }
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    foreach (var project in batch)
    {
        db.Revisions.Add(new Revision
        {
            EntityType = kind.Type,
            EntityId = project.Id,
            Version = project.Version,
            Action = RevisionActions.Created,
            ChangedAtUtc = project.UpdatedAtUtc,
            ChangedBy = "generator",
            Label = kind.Describe(project),
            SnapshotJson = kind.SnapshotJson(project),
        });
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    Console.WriteLine($"  {existing + added} projects");
}

return 0;
