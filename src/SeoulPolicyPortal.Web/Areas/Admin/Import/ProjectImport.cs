using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Areas.Admin.Drafts;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Data.Imports;
using SeoulPolicyPortal.Web.Data.Translations;
using SeoulPolicyPortal.Web.Features.Projects;

namespace SeoulPolicyPortal.Web.Areas.Admin.Import;

/// <summary>A problem with one cell (or a whole row): the row number as the spreadsheet shows it, the column, an English message.</summary>
public sealed record RowProblem(int Row, string Field, string Message, params object[] Arguments);

/// <summary>A row that passed every check, as the project it would become.</summary>
public sealed record ImportedProject(int Row, ProjectSnapshot Snapshot, string AreaName, string ConcentrationName);

/// <summary>What a dry run found: the file problem that stops everything, or the rows' problems and the projects to add.</summary>
public sealed record ImportCheck(FileProblem? FileProblem, IReadOnlyList<RowProblem> Problems, IReadOnlyList<ImportedProject> Projects, int RowCount)
{
    public bool IsClean => FileProblem is null && Problems.Count == 0 && Projects.Count > 0;
}

public enum UndoOutcome
{
    Undone,
    NotFound,
    AlreadyUndone,

    /// <summary>Rows of the batch changed since the import; nothing was removed.</summary>
    ChangedSince,
}

/// <summary>
/// The spreadsheet import of projects: a dry run that checks every row against the database and writes nothing; an apply
/// that checks the same content again and adds every row in one transaction, as one batch; and an undo that deletes the
/// batch's rows, in one transaction, only while nobody changed them since.
/// </summary>
public sealed partial class ProjectImport(PortalDbContext db, ContentEditor editor, DraftWork drafts)
{
    /// <summary>The columns, as the catalogue's export names them (<see cref="Features.Exports.ProjectExport"/>).</summary>
    public static class Columns
    {
        public const string Id = "Id";
        public const string Title = "Title";
        public const string Area = "Area";
        public const string SubArea = "Sub-area";
        public const string StartYear = "Start year";
        public const string EndYear = "End year";
        public const string Partners = "Partners";
        public const string CountryCodes = "Country codes";
        public const string Url = "URL";

        public static readonly IReadOnlyList<string> All = [Id, Title, Area, SubArea, StartYear, EndYear, Partners, CountryCodes, Url];
        public static readonly IReadOnlyList<string> Required = [Title, Area, SubArea, StartYear, EndYear];
    }

    public const string AuditApplied = "import-applied";
    public const string AuditUndone = "import-undone";

    public async Task<ImportCheck> CheckAsync(string fileName, byte[] content, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var (sheet, fileProblem) = ImportFile.Read(fileName, content);
        if (sheet is null)
        {
            return new ImportCheck(fileProblem, [], [], 0);
        }

        var (columns, headerProblem) = MapHeader(sheet.Header, localizer);
        if (headerProblem is not null)
        {
            return new ImportCheck(headerProblem, [], [], sheet.Rows.Count);
        }

        if (sheet.Rows.Count == 0)
        {
            return new ImportCheck(new FileProblem("The file has a header row but no projects below it."), [], [], 0);
        }

        var lookups = await LookupsAsync(sheet, columns!, cancellationToken);
        var problems = new List<RowProblem>();
        var projects = new List<ImportedProject>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            string Cell(string column) => columns!.TryGetValue(column, out var index) && index < row.Cells.Count ? Unescape(row.Cells[index].Trim()) : "";
            var before = problems.Count;
            var project = CheckRow(row.Number, Cell, lookups, problems);
            if (project is null || problems.Count > before)
            {
                continue;
            }

            foreach (var key in DuplicateKeys(project.Snapshot))
            {
                if (seen.TryGetValue(key, out var earlier))
                {
                    problems.Add(new RowProblem(row.Number, Columns.Title, "The same project as row {0} (same title, country and start year).", earlier));
                    break;
                }

                if (lookups.Existing.Contains(key))
                {
                    problems.Add(new RowProblem(row.Number, Columns.Title, "A project with this title, country and start year already exists."));
                    break;
                }
            }

            if (problems.Count == before)
            {
                foreach (var key in DuplicateKeys(project.Snapshot))
                {
                    seen.TryAdd(key, row.Number);
                }

                projects.Add(project);
            }
        }

        return new ImportCheck(null, problems, projects, sheet.Rows.Count);
    }

    /// <summary>
    /// Adds the checked projects as one batch in one transaction: published through the editor (a revision each, carrying
    /// the batch id; the triggers move the content version), or as drafts when the importer may not publish.
    /// </summary>
    public async Task<ImportBatch> ApplyAsync(
        string fileName, IReadOnlyList<ImportedProject> projects, bool asDrafts, string user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = new ImportBatch
        {
            FileName = fileName.Length <= 260 ? fileName : fileName[..260],
            ImportedBy = user,
            ImportedAtUtc = DateTime.UtcNow,
            ProjectCount = projects.Count,
            AsDrafts = asDrafts,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var kind = ContentKind.Project;
        foreach (var project in projects)
        {
            if (asDrafts)
            {
                await drafts.SaveAsync(kind, null, null, JsonSerializer.Serialize(project.Snapshot, ContentKind.Json),
                    project.Snapshot.Title, user, cancellationToken, batch.Id);
            }
            else
            {
                var entity = (Project)kind.New();
                kind.Apply(entity, project.Snapshot);
                db.Add(entity);
                await editor.SaveAsync(kind, entity, RevisionActions.Created, null, null, user, cancellationToken, batch.Id);
            }

            // Every row is written by now; a tracker holding a thousand rows would make each later save scan them all.
            db.ChangeTracker.Clear();
        }

        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = batch.ImportedAtUtc,
            Kind = AuditApplied,
            ActedBy = user,
            Detail = asDrafts
                ? AuditDetail.Of("Imported {0} projects from {1} as drafts (batch {2})", projects.Count, batch.FileName, batch.Id)
                : AuditDetail.Of("Imported {0} projects from {1} (batch {2})", projects.Count, batch.FileName, batch.Id),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return batch;
    }

    /// <summary>
    /// Deletes what the batch created, in one transaction, unless a row changed since: a project saved again, given a
    /// translation or a draft, or a draft of the batch edited, submitted or published. Then nothing is removed and the
    /// changed rows are named.
    /// </summary>
    public async Task<(UndoOutcome Outcome, IReadOnlyList<string> Changed)> UndoAsync(int batchId, string user, CancellationToken cancellationToken)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return (UndoOutcome.NotFound, []);
        }

        if (batch.UndoneAtUtc is not null)
        {
            return (UndoOutcome.AlreadyUndone, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = batch.AsDrafts ? await DeleteDraftsAsync(batch, cancellationToken) : await DeleteProjectsAsync(batch, cancellationToken);
        if (changed.Count > 0)
        {
            return (UndoOutcome.ChangedSince, changed);
        }

        batch.UndoneAtUtc = DateTime.UtcNow;
        batch.UndoneBy = user;
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = batch.UndoneAtUtc.Value,
            Kind = AuditUndone,
            ActedBy = user,
            Detail = AuditDetail.Of("Undid the import of {0} projects from {1} by {2} (batch {3})", batch.ProjectCount, batch.FileName, batch.ImportedBy, batch.Id),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (UndoOutcome.Undone, []);
    }

    private async Task<IReadOnlyList<string>> DeleteProjectsAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var created = await db.Revisions.AsNoTracking()
            .Where(r => r.ImportBatchId == batch.Id && r.EntityType == ContentKind.Project.Type && r.Action == RevisionActions.Created)
            .Select(r => new { r.EntityId, r.Version, r.Label }).ToListAsync(cancellationToken);
        var ids = created.Select(r => r.EntityId).ToList();
        var keys = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var current = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Version, p.Title }, cancellationToken);
        var withDrafts = await db.Drafts.Where(d => d.EntityType == ContentKind.Project.Type && d.EntityId != null && ids.Contains(d.EntityId.Value))
            .Select(d => d.EntityId!.Value).ToListAsync(cancellationToken);
        var translated = await db.Translations.Where(t => t.EntityType == TranslatedKinds.Project && keys.Contains(t.EntityKey))
            .Select(t => t.EntityKey).ToListAsync(cancellationToken);
        var changed = created
            .Where(r => !current.TryGetValue(r.EntityId, out var now) || now.Version != r.Version || withDrafts.Contains(r.EntityId)
                        || translated.Contains(r.EntityId.ToString(CultureInfo.InvariantCulture)))
            .Select(r => current.TryGetValue(r.EntityId, out var now) ? $"{now.Title} (#{r.EntityId})" : $"{r.Label} (#{r.EntityId})")
            .ToList();
        if (changed.Count > 0)
        {
            return changed;
        }

        // The version is part of the condition, so a save that slipped in after the check above keeps its row and the
        // whole undo rolls back.
        foreach (var row in created)
        {
            await db.ProjectPartners.Where(pp => pp.ProjectId == row.EntityId).ExecuteDeleteAsync(cancellationToken);
            if (await db.Projects.Where(p => p.Id == row.EntityId && p.Version == row.Version).ExecuteDeleteAsync(cancellationToken) != 1)
            {
                return [$"{row.Label} (#{row.EntityId})"];
            }
        }

        return [];
    }

    private async Task<IReadOnlyList<string>> DeleteDraftsAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var batchDrafts = await db.Drafts.AsNoTracking().Where(d => d.ImportBatchId == batch.Id)
            .Select(d => new { d.Id, d.Label, d.Status, d.CreatedAtUtc, d.UpdatedAtUtc }).ToListAsync(cancellationToken);
        var changed = batchDrafts.Where(d => d.Status != Data.Drafts.DraftStatus.Draft || d.UpdatedAtUtc != d.CreatedAtUtc)
            .Select(d => $"{d.Label} (draft {d.Id})").ToList();
        if (batchDrafts.Count < batch.ProjectCount)
        {
            changed.Add($"{batch.ProjectCount - batchDrafts.Count} drafts of this import were published or deleted since");
        }

        if (changed.Count > 0)
        {
            return changed;
        }

        var ids = batchDrafts.Select(d => d.Id).ToList();
        var deleted = await db.Drafts
            .Where(d => ids.Contains(d.Id) && d.Status == Data.Drafts.DraftStatus.Draft && d.UpdatedAtUtc == d.CreatedAtUtc)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == ids.Count ? [] : ["Drafts of this import changed while it was being undone"];
    }

    private static (Dictionary<string, int>? Columns, FileProblem? Problem) MapHeader(IReadOnlyList<string> header, IStringLocalizer localizer)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = Unescape(header[i].Trim());
            if (name.Length == 0)
            {
                continue;
            }

            var column = Columns.All.FirstOrDefault(c =>
                string.Equals(c, name, StringComparison.OrdinalIgnoreCase) || string.Equals(localizer[c].Value, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                return (null, new FileProblem("The header has an unknown column “{0}”. The columns are: {1}.", name, string.Join(", ", Columns.All)));
            }

            if (!columns.TryAdd(column, i))
            {
                return (null, new FileProblem("The header has the column “{0}” twice.", name));
            }
        }

        var missing = Columns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? (null, new FileProblem("The header is missing the column “{0}”. Start from the template.", missing[0]))
            : (columns, null);
    }

    private sealed record Lookups(
        IReadOnlyList<Area> Areas, IReadOnlyList<Concentration> Concentrations, IReadOnlyDictionary<string, string> CountryByName,
        IReadOnlySet<string> Codes, IReadOnlySet<string> Existing);

    private async Task<Lookups> LookupsAsync(Sheet sheet, Dictionary<string, int> columns, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        var concentrations = await db.Concentrations.AsNoTracking().ToListAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in countries)
        {
            byName.TryAdd(country.Name, country.Code);
            byName.TryAdd(country.Code, country.Code);
        }

        // Only the start years in the file can hold a duplicate; comparing in memory keeps the rule the same on both providers.
        var years = sheet.Rows.Select(r => columns[Columns.StartYear] < r.Cells.Count && Year(r.Cells[columns[Columns.StartYear]]) is { } y ? y : 0)
            .Where(y => y > 0).Distinct().ToList();
        var existing = await db.Projects.AsNoTracking().Where(p => years.Contains(p.StartYear))
            .Select(p => new { p.Title, p.StartYear, Codes = p.Partners.Select(pp => pp.CountryCode).ToList() })
            .ToListAsync(cancellationToken);
        var keys = existing.SelectMany(p => DuplicateKeys(p.Title, p.StartYear, p.Codes)).ToHashSet(StringComparer.Ordinal);
        return new Lookups(areas, concentrations, byName, countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal), keys);
    }

    private static ImportedProject? CheckRow(int row, Func<string, string> cell, Lookups lookups, List<RowProblem> problems)
    {
        void Problem(string field, string message, params object[] arguments) => problems.Add(new RowProblem(row, field, message, arguments));

        if (cell(Columns.Id).Length > 0)
        {
            Problem(Columns.Id, "Leave Id empty: an import only adds new projects. Change existing projects in the admin.");
        }

        var title = cell(Columns.Title);
        if (title.Length == 0)
        {
            Problem(Columns.Title, "The title is missing.");
        }
        else if (title.Length > 400)
        {
            Problem(Columns.Title, "The title can be at most 400 characters.");
        }

        var areaName = cell(Columns.Area);
        var area = lookups.Areas.FirstOrDefault(a => string.Equals(a.Name, areaName, StringComparison.OrdinalIgnoreCase) || a.Slug == areaName);
        if (areaName.Length == 0)
        {
            Problem(Columns.Area, "The area is missing.");
        }
        else if (area is null)
        {
            Problem(Columns.Area, "Unknown area “{0}”.", areaName);
        }

        var concentrationName = cell(Columns.SubArea);
        bool Named(Concentration c) => string.Equals(c.Name, concentrationName, StringComparison.OrdinalIgnoreCase) || c.Slug == concentrationName;
        var concentration = area is null ? null : lookups.Concentrations.FirstOrDefault(c => c.AreaId == area.Id && Named(c));
        if (concentrationName.Length == 0)
        {
            Problem(Columns.SubArea, "The sub-area is missing.");
        }
        else if (!lookups.Concentrations.Any(Named))
        {
            Problem(Columns.SubArea, "Unknown sub-area “{0}”.", concentrationName);
        }
        else if (area is not null && concentration is null)
        {
            Problem(Columns.SubArea, "The sub-area “{0}” is not in the area “{1}”.", concentrationName, area.Name);
        }

        var start = CheckYear(cell(Columns.StartYear), Columns.StartYear, Problem);
        var end = CheckYear(cell(Columns.EndYear), Columns.EndYear, Problem);
        if (start is not null && end is not null && end < start)
        {
            Problem(Columns.EndYear, "The end year {0} is before the start year {1}.", end, start);
        }

        var partners = CheckPartners(cell(Columns.Partners), cell(Columns.CountryCodes), lookups, Problem);
        return area is null || concentration is null || start is null || end is null || partners is null || title.Length is 0 or > 400
            ? null
            : new ImportedProject(row, new ProjectSnapshot(title, area.Id, concentration.Id, start.Value, end.Value, null, partners, false),
                area.Name, concentration.Name);
    }

    private static int? CheckYear(string text, string field, Action<string, string, object[]> problem)
    {
        if (text.Length == 0)
        {
            problem(field, "The year is missing.", []);
            return null;
        }

        if (Year(text) is not { } year)
        {
            problem(field, "“{0}” is not a year.", [text]);
            return null;
        }

        if (year is < ProjectFilter.MinYear or > ProjectFilter.MaxYear)
        {
            problem(field, "The year {0} is not between {1} and {2}.", [year, ProjectFilter.MinYear, ProjectFilter.MaxYear]);
            return null;
        }

        return year;
    }

    // A workbook keeps years as numbers ("2019" or "2019.0"); anything with a fraction is not a year.
    private static int? Year(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Integer | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
        && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : null;

    /// <summary>
    /// Partners as the export writes them: "Name (Country)", "Name" or "Country", separated by ";". A country may be its
    /// name or its code. Codes in the Country codes column that no partner names become partners of their own; when that
    /// column has exactly one code, partners without a country take it.
    /// </summary>
    private static List<PartnerSnapshot>? CheckPartners(string partnersText, string codesText, Lookups lookups, Action<string, string, object[]> problem)
    {
        var ok = true;
        var codes = new List<string>();
        foreach (var code in codesText.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var upper = code.ToUpperInvariant();
            if (!lookups.Codes.Contains(upper))
            {
                problem(Columns.CountryCodes, "Unknown country code “{0}”.", [code]);
                ok = false;
            }
            else if (!codes.Contains(upper))
            {
                codes.Add(upper);
            }
        }

        var partners = new List<PartnerSnapshot>();
        foreach (var item in partnersText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (PartnerWithCountry().Match(item) is { Success: true } match)
            {
                var name = match.Groups["name"].Value.Trim();
                var country = match.Groups["country"].Value.Trim();
                if (lookups.CountryByName.TryGetValue(country, out var code))
                {
                    partners.Add(new PartnerSnapshot(code, name));
                    continue;
                }

                problem(Columns.Partners, "Unknown country “{0}” in the partner “{1}”.", [country, item]);
                ok = false;
            }
            else if (lookups.CountryByName.TryGetValue(item, out var code))
            {
                partners.Add(new PartnerSnapshot(code, null));
            }
            else
            {
                partners.Add(new PartnerSnapshot(null, item));
            }
        }

        if (codes.Count == 1 && partners.Count > 0 && partners.All(p => p.CountryCode is null))
        {
            partners = partners.Select(p => p with { CountryCode = codes[0] }).ToList();
        }

        partners.AddRange(codes.Where(c => partners.All(p => p.CountryCode != c)).Select(c => new PartnerSnapshot(c, null)));
        if (partners.Any(p => p.Name is { Length: > 200 }))
        {
            problem(Columns.Partners, "A partner’s name can be at most 200 characters.", []);
            ok = false;
        }

        if (partners.Count > 50)
        {
            problem(Columns.Partners, "A project can have at most 50 partners.", []);
            ok = false;
        }

        return ok ? partners : null;
    }

    private static IEnumerable<string> DuplicateKeys(ProjectSnapshot project) =>
        DuplicateKeys(project.Title, project.StartYear, project.Partners.Select(p => p.CountryCode));

    // Same title (ignoring case and spacing), same start year, and a partner country in common (or neither has one).
    private static IEnumerable<string> DuplicateKeys(string title, int startYear, IEnumerable<string?> codes)
    {
        var normalized = string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var countries = codes.OfType<string>().Distinct().ToList();
        return (countries.Count == 0 ? [""] : countries).Select(c => $"{normalized}\u001f{startYear}\u001f{c}");
    }

    // The export prefixes a cell that starts with = + - @ with ' so that spreadsheets do not run it; reading it back
    // removes that prefix. The text is stored as text, never evaluated, and the export escapes it again.
    private static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;


    [GeneratedRegex(@"^(?<name>.*?)\s*\((?<country>[^()]+)\)$")]
    private static partial Regex PartnerWithCountry();
}
