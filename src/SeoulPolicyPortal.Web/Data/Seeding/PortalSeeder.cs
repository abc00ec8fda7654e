using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data.Translations;

namespace SeoulPolicyPortal.Web.Data.Seeding;

/// <summary>
/// Fills the database from seed-data/. Each seed record is inserted at most once, ever: the AppliedSeed ledger
/// remembers it, so a restart neither duplicates rows nor reverts, resurrects or fights editors' changes.
/// Records added to seed-data/ later are inserted on the next start. Values for columns added after a row was seeded
/// (a country's region, a city's location, an area's note) are seed records of their own: each is applied once, and
/// only to a row whose value is still empty, so an editor's value is never overwritten.
/// </summary>
public sealed partial class PortalSeeder(PortalDbContext db, ILogger<PortalSeeder> logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public async Task SeedAsync(string seedDirectory, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(seedDirectory))
        {
            throw new InvalidOperationException($"Seed folder '{seedDirectory}' does not exist.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var applied = (await db.AppliedSeeds.Select(s => s.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var inserted = new List<string>();

        bool IsNew(string key)
        {
            if (applied.Contains(key))
            {
                return false;
            }

            applied.Add(key);
            inserted.Add(key);
            return true;
        }

        var countries = Read<List<CountrySeed>>(seedDirectory, "countries.json");
        foreach (var c in countries.Where(c => IsNew($"country:{c.Code}")))
        {
            db.Countries.Add(new Country { Id = Country.IdOf(c.Code.ToUpperInvariant()), Code = c.Code.ToUpperInvariant(), Name = c.Name, Aliases = string.Join('|', c.Aliases ?? []) });
        }

        // Every other country of ISO 3166, so that an editor can enter a city or project where the source has none. The
        // source's 65 keep the names it and seed-data/NOTES.md gave them.
        var seeded = countries.Select(c => c.Code.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var c in Read<List<IsoCountrySeed>>(seedDirectory, "iso-countries.json")
                     .Where(c => !seeded.Contains(c.Code) && IsNew($"iso-country:{c.Code}")))
        {
            db.Countries.Add(new Country { Id = Country.IdOf(c.Code), Code = c.Code, Name = c.En });
        }

        var citySeed = Read<CityFileSeed>(seedDirectory, "cities.json");
        for (var i = 0; i < citySeed.Regions.Count; i++)
        {
            var r = citySeed.Regions[i];
            if (IsNew($"region:{r.Slug}"))
            {
                db.Regions.Add(new Region { Slug = r.Slug, Name = r.Name, DeclaredCityCount = r.DeclaredTotal, Position = i + 1 });
            }
        }

        var areas = Read<List<AreaSeed>>(seedDirectory, "areas.json");
        for (var i = 0; i < areas.Count; i++)
        {
            var a = areas[i];
            var area = IsNew($"area:{a.Key}")
                ? db.Areas.Add(new Area { SeedKey = a.Key, Slug = a.Slug, Name = a.Name, DeclaredProjectCount = a.DeclaredCount, Position = i + 1 }).Entity
                : null;
            for (var j = 0; j < a.Concentrations.Count; j++)
            {
                var c = a.Concentrations[j];
                if (!IsNew($"concentration:{c.Key}"))
                {
                    continue;
                }

                area ??= await db.Areas.SingleAsync(x => x.SeedKey == a.Key, cancellationToken);
                area.Concentrations.Add(new Concentration
                {
                    SeedKey = c.Key,
                    Slug = c.Slug,
                    Name = c.Name,
                    DeclaredProjectCount = c.DeclaredCount,
                    Position = j + 1,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var countryByCode = await db.Countries.ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var regionBySlug = await db.Regions.ToDictionaryAsync(r => r.Slug, cancellationToken);
        var areaByKey = await db.Areas.Where(a => a.SeedKey != null).ToDictionaryAsync(a => a.SeedKey!, cancellationToken);

        foreach (var c in countries.Where(c => c.Region is not null && IsNew($"country-region:{c.Code}")))
        {
            var country = Lookup(countryByCode, c.Code, $"country {c.Code}");
            country.RegionId ??= Lookup(regionBySlug, c.Region!, $"country {c.Code}").Id;
        }

        foreach (var a in areas.Where(a => a.Note is not null && IsNew($"area-note:{a.Key}")))
        {
            // An area an editor deleted stays deleted.
            if (areaByKey.TryGetValue(a.Key, out var area))
            {
                area.Note ??= a.Note;
            }
        }

        var concentrationByKey = await db.Concentrations.Where(c => c.SeedKey != null).ToDictionaryAsync(c => c.SeedKey!, cancellationToken);

        for (var i = 0; i < citySeed.Cities.Count; i++)
        {
            var c = citySeed.Cities[i];
            if (!IsNew($"city:{c.Key}"))
            {
                continue;
            }

            var country = Lookup(countryByCode, c.Country, $"city {c.Key}");
            var city = new City
            {
                SeedKey = c.Key,
                Name = c.Name,
                CountryCode = country.Code,
                RegionId = Lookup(regionBySlug, c.Region, $"city {c.Key}").Id,
                Relationship = c.Type == "sister" ? CityRelationship.Sister
                    : c.Type == "friendship" ? CityRelationship.Friendship
                    : throw new InvalidOperationException($"City {c.Key} has unknown type '{c.Type}'."),
                SinceYear = c.Since,
                Note = c.Note,
            };
            city.SearchText = SearchText.ForCity(city, country);
            db.Cities.Add(city);
        }

        await LocateCitiesAsync(seedDirectory, citySeed, IsNew, cancellationToken);

        var projects = Read<List<ProjectSeed>>(seedDirectory, "projects.json");
        foreach (var p in projects.Where(p => IsNew($"project:{p.Key}")))
        {
            var project = new Project
            {
                SeedKey = p.Key,
                Title = p.Title,
                AreaId = Lookup(areaByKey, p.Area, $"project {p.Key}").Id,
                ConcentrationId = Lookup(concentrationByKey, $"{p.Area}/{p.Concentration}", $"project {p.Key}").Id,
                StartYear = p.StartYear,
                EndYear = p.EndYear ?? p.StartYear,
                DescriptionMarkdown = p.Description,
                Partners = p.Partners.Select((partner, index) => new ProjectPartner
                {
                    CountryCode = partner.Country is null ? null : Lookup(countryByCode, partner.Country, $"project {p.Key}").Code,
                    Name = partner.Name,
                    Position = index + 1,
                }).ToList(),
            };
            if (project.EndYear < project.StartYear)
            {
                throw new InvalidOperationException($"Project {p.Key} ends ({project.EndYear}) before it starts ({project.StartYear}).");
            }

            project.SearchText = SearchText.ForProject(project, countryByCode);
            db.Projects.Add(project);
        }

        var contentFiles = Directory.GetFiles(Path.Combine(seedDirectory, "content"), "*.md").Order(StringComparer.Ordinal).ToList();
        foreach (var file in contentFiles)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var match = ContentFileName().Match(name);
            var slug = match.Success ? match.Groups["slug"].Value : name;
            if (!IsNew($"content:{slug}"))
            {
                continue;
            }

            var (title, body) = SplitTitle(await File.ReadAllTextAsync(file, cancellationToken), file);
            db.ContentSections.Add(new ContentSection
            {
                SeedKey = slug,
                Slug = slug,
                Title = title,
                BodyMarkdown = body,
                Position = match.Success ? int.Parse(match.Groups["position"].Value) : contentFiles.IndexOf(file) + 1,
            });
        }

        foreach (var f in Read<List<FigureSeed>>(seedDirectory, "stated-figures.json").Where(f => IsNew($"figure:{f.Key}")))
        {
            db.StatedFigures.Add(new StatedFigure { SeedKey = f.Key, Key = f.Key, Value = f.Value, Label = f.Label, AsOf = f.AsOf });
        }

        foreach (var t in Read<List<SiteTextSeed>>(seedDirectory, "site-texts.json").Where(t => IsNew($"site-text:{t.Key}")))
        {
            db.SiteTexts.Add(new SiteText { SeedKey = t.Key, Key = t.Key, Text = t.Text });
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedTranslationsAsync(seedDirectory, IsNew, cancellationToken);
        await SeedCountryNamesAsync(seedDirectory, IsNew, cancellationToken);

        var now = DateTime.UtcNow;
        db.AppliedSeeds.AddRange(inserted.Select(key => new AppliedSeed { Key = key, AppliedAtUtc = now }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Seeding from {SeedDirectory} inserted {InsertedCount} new records ({ProjectCount} projects in database)",
            seedDirectory, inserted.Count, await db.Projects.CountAsync(cancellationToken));
    }

    // Names in other languages, and other spellings of city names for search. Keyed like the rows they name: codes
    // and slugs as they are, areas, sub-areas and cities by their seed key (an editor's later row has none).
    private async Task SeedTranslationsAsync(string seedDirectory, Func<string, bool> isNew, CancellationToken cancellationToken)
    {
        var idOf = new Dictionary<string, Dictionary<string, int>>
        {
            [TranslatedKinds.Area] = await db.Areas.Where(a => a.SeedKey != null).ToDictionaryAsync(a => a.SeedKey!, a => a.Id, cancellationToken),
            [TranslatedKinds.Concentration] = await db.Concentrations.Where(c => c.SeedKey != null).ToDictionaryAsync(c => c.SeedKey!, c => c.Id, cancellationToken),
            [TranslatedKinds.City] = await db.Cities.Where(c => c.SeedKey != null).ToDictionaryAsync(c => c.SeedKey!, c => c.Id, cancellationToken),
        };
        var now = DateTime.UtcNow;
        foreach (var t in Read<TranslationFileSeed>(seedDirectory, "translations.json").Entries)
        {
            var key = idOf.TryGetValue(t.Type, out var ids)
                ? ids.TryGetValue(t.Key, out var id) ? TranslationSet.Key(id) : null
                : t.Key;
            foreach (var (culture, text) in new[] { ("ko", t.Ko), ("es", t.Es) })
            {
                // A row an editor deleted stays deleted; so does a translation an editor removed.
                if (key is not null && !string.IsNullOrWhiteSpace(text) && isNew($"translation:{culture}:{t.Type}:{t.Key}:{t.Field}"))
                {
                    db.Translations.Add(new Translation
                    {
                        EntityType = t.Type,
                        EntityKey = key,
                        Field = t.Field,
                        Culture = culture,
                        Text = text,
                        UpdatedAtUtc = now,
                        UpdatedBy = "seed",
                    });
                }
            }
        }

        var aliases = Read<AliasFileSeed>(seedDirectory, "search-aliases.json");
        foreach (var (cityKey, names) in aliases.City.Where(a => isNew($"city-aliases:{a.Key}")))
        {
            var city = await db.Cities.SingleOrDefaultAsync(c => c.SeedKey == cityKey, cancellationToken);
            if (city is not null)
            {
                city.Aliases = string.Join('|', city.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries).Concat(names).Distinct());
            }
        }
    }

    // Korean and Spanish names of every country, from iso-countries.json, once per name: a name translations.json gave (it
    // is seeded just before) or an editor wrote is never replaced, and one an editor removed is not brought back.
    private async Task SeedCountryNamesAsync(string seedDirectory, Func<string, bool> isNew, CancellationToken cancellationToken)
    {
        static string Key(string culture, string code) => $"{culture}:{code}";

        var named = (await db.Translations.AsNoTracking()
                .Where(t => t.EntityType == TranslatedKinds.Country && t.Field == TranslatedKinds.Name)
                .Select(t => new { t.Culture, t.EntityKey }).ToListAsync(cancellationToken))
            .Select(t => Key(t.Culture, t.EntityKey))
            .Concat(db.Translations.Local.Where(t => t.EntityType == TranslatedKinds.Country && t.Field == TranslatedKinds.Name)
                .Select(t => Key(t.Culture, t.EntityKey)))
            .ToHashSet(StringComparer.Ordinal);
        var now = DateTime.UtcNow;
        foreach (var c in Read<List<IsoCountrySeed>>(seedDirectory, "iso-countries.json"))
        {
            foreach (var (culture, text) in new[] { ("ko", c.Ko), ("es", c.Es) })
            {
                if (isNew($"iso-country-name:{culture}:{c.Code}") && !named.Contains(Key(culture, c.Code)))
                {
                    db.Translations.Add(new Translation
                    {
                        EntityType = TranslatedKinds.Country,
                        EntityKey = c.Code,
                        Field = TranslatedKinds.Name,
                        Culture = culture,
                        Text = text,
                        UpdatedAtUtc = now,
                        UpdatedBy = "seed",
                    });
                }
            }
        }
    }

    // Cities inserted above are still only tracked, so they are found among the tracked rows as well as in the database.
    private async Task LocateCitiesAsync(string seedDirectory, CityFileSeed citySeed, Func<string, bool> isNew, CancellationToken cancellationToken)
    {
        var locations = Read<CityLocationFileSeed>(seedDirectory, "city-locations.json");
        var known = citySeed.Cities.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var pending = locations.Cities.Where(l => isNew($"city-location:{l.Key}")).ToList();
        foreach (var location in pending)
        {
            if (!known.Contains(location.Key))
            {
                throw new InvalidOperationException($"Seed data for the location of '{location.Key}' names no city in cities.json.");
            }

            if (location.Lat is < -90 or > 90 || location.Lon is < -180 or > 180)
            {
                throw new InvalidOperationException($"Seed data for the location of '{location.Key}' is not a point on Earth.");
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        var keys = pending.Select(l => l.Key).ToList();
        var cities = db.Cities.Local.Where(c => c.SeedKey is not null && keys.Contains(c.SeedKey))
            .Concat(await db.Cities.Where(c => c.SeedKey != null && keys.Contains(c.SeedKey)).ToListAsync(cancellationToken))
            .DistinctBy(c => c.SeedKey)
            .ToDictionary(c => c.SeedKey!, StringComparer.Ordinal);
        foreach (var location in pending)
        {
            if (cities.TryGetValue(location.Key, out var city) && city.Latitude is null && city.Longitude is null)
            {
                city.Latitude = location.Lat;
                city.Longitude = location.Lon;
            }
        }
    }

    private static T Read<T>(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Seed file '{path}' is empty.");
    }

    private static TValue Lookup<TValue>(IReadOnlyDictionary<string, TValue> map, string key, string usedBy) =>
        map.TryGetValue(key, out var value)
            ? value
            : throw new InvalidOperationException($"Seed data for {usedBy} refers to '{key}', which does not exist.");

    private static (string Title, string Body) SplitTitle(string markdown, string file)
    {
        var text = markdown.Replace("\r\n", "\n").TrimStart();
        if (!text.StartsWith("# ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Content file '{file}' must start with a '# Title' line.");
        }

        var newline = text.IndexOf('\n');
        return newline < 0 ? (text[2..].Trim(), "") : (text[2..newline].Trim(), text[(newline + 1)..].Trim() + "\n");
    }

    [GeneratedRegex(@"^(?<position>\d+)-(?<slug>.+)$")]
    private static partial Regex ContentFileName();

    private sealed record CountrySeed(string Code, string Name, List<string>? Aliases, string? Region);

    private sealed record IsoCountrySeed(string Code, string En, string Ko, string Es);

    private sealed record RegionSeed(string Slug, string Name, int? DeclaredTotal);

    private sealed record CitySeed(string Key, string Name, string Country, string Region, string Type, int? Since, string? Note);

    private sealed record CityFileSeed(List<RegionSeed> Regions, List<CitySeed> Cities);

    private sealed record ConcentrationSeed(string Key, string Slug, string Name, int? DeclaredCount);

    private sealed record AreaSeed(string Key, string Slug, string Name, int? DeclaredCount, string? Note, List<ConcentrationSeed> Concentrations);

    private sealed record CityLocationSeed(string Key, double Lat, double Lon);

    private sealed record CityLocationFileSeed(List<CityLocationSeed> Cities);

    private sealed record PartnerSeed(string? Country, string? Name);

    private sealed record ProjectSeed(
        string Key, string Area, string Concentration, int StartYear, int? EndYear, string Title, string? Description, List<PartnerSeed> Partners);

    private sealed record TranslationSeed(string Type, string Key, string Field, string? Ko, string? Es);

    private sealed record TranslationFileSeed(List<TranslationSeed> Entries);

    private sealed record AliasFileSeed(Dictionary<string, List<string>> City);

    private sealed record FigureSeed(string Key, int Value, string Label, string? AsOf);

    private sealed record SiteTextSeed(string Key, string Text);
}
