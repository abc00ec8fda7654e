namespace SeoulPolicyPortal.Web.Data.Search;

/// <summary>
/// The SQLite side of the full-text index: an FTS5 table, the view that says what each record's text is in each
/// culture, and triggers on every table that feeds it, so the index changes in the same transaction as the edit that
/// changed the text, whoever made it (the admin area, the seeder, a restore, a hand-written UPDATE). Used by the
/// migration that creates it; the triggers' names are declared to EF in <see cref="Configurations.DatabaseTriggers"/>.
/// </summary>
internal static class SqliteSearchSchema
{
    public const string Table = "SearchIndex";

    private const string Columns = "kind, key, culture, title, body";

    // One row per record and culture. "en" rows hold the original text and the aliases; other cultures' rows hold what
    // is translated, and the translated names of the record's countries, so "베트남" finds projects in Vietnam.
    private const string SourceView = """
        CREATE VIEW SearchSource AS
        SELECT 'project' AS kind, CAST(p.Id AS TEXT) AS key, 'en' AS culture, p.Title AS title,
               coalesce(p.DescriptionMarkdown, '') || ' ' || coalesce((
                   SELECT group_concat(coalesce(pp.Name, '') || ' ' || coalesce(c.Name, '') || ' ' || replace(coalesce(c.Aliases, ''), '|', ' '), ' ')
                   FROM ProjectPartners pp LEFT JOIN Countries c ON c.Code = pp.CountryCode WHERE pp.ProjectId = p.Id), '') AS body
        FROM Projects p WHERE p.IsArchived = 0
        UNION ALL
        SELECT 'project', CAST(p.Id AS TEXT), cu.Culture,
               coalesce((SELECT t.Text FROM Translations t WHERE t.EntityType = 'project' AND t.EntityKey = CAST(p.Id AS TEXT) AND t.Field = 'title' AND t.Culture = cu.Culture), ''),
               coalesce((SELECT t.Text FROM Translations t WHERE t.EntityType = 'project' AND t.EntityKey = CAST(p.Id AS TEXT) AND t.Field = 'description' AND t.Culture = cu.Culture), '')
               || ' ' || coalesce((SELECT group_concat(t.Text, ' ') FROM ProjectPartners pp
                   JOIN Translations t ON t.EntityType = 'country' AND t.EntityKey = pp.CountryCode AND t.Field = 'name' AND t.Culture = cu.Culture
                   WHERE pp.ProjectId = p.Id), '')
        FROM Projects p CROSS JOIN (SELECT DISTINCT Culture FROM Translations) cu WHERE p.IsArchived = 0
        UNION ALL
        SELECT 'city', CAST(ci.Id AS TEXT), 'en', ci.Name,
               co.Name || ' ' || replace(co.Aliases, '|', ' ') || ' ' || replace(ci.Aliases, '|', ' ')
        FROM Cities ci JOIN Countries co ON co.Code = ci.CountryCode WHERE ci.IsArchived = 0
        UNION ALL
        SELECT 'city', CAST(ci.Id AS TEXT), cu.Culture,
               coalesce((SELECT t.Text FROM Translations t WHERE t.EntityType = 'city' AND t.EntityKey = CAST(ci.Id AS TEXT) AND t.Field = 'name' AND t.Culture = cu.Culture), ''),
               coalesce((SELECT t.Text FROM Translations t WHERE t.EntityType = 'country' AND t.EntityKey = ci.CountryCode AND t.Field = 'name' AND t.Culture = cu.Culture), '')
        FROM Cities ci CROSS JOIN (SELECT DISTINCT Culture FROM Translations) cu WHERE ci.IsArchived = 0
        UNION ALL
        SELECT 'country', co.Code, 'en', co.Name, replace(co.Aliases, '|', ' ') FROM Countries co
        UNION ALL
        SELECT 'country', t.EntityKey, t.Culture, t.Text, '' FROM Translations t WHERE t.EntityType = 'country' AND t.Field = 'name'
        UNION ALL
        SELECT 'section', CAST(s.Id AS TEXT), 'en', s.Title, s.BodyMarkdown FROM ContentSections s WHERE s.IsArchived = 0
        UNION ALL
        SELECT 'section', CAST(s.Id AS TEXT), cu.Culture,
               coalesce((SELECT t.Text FROM Translations t WHERE t.EntityType = 'section' AND t.EntityKey = CAST(s.Id AS TEXT) AND t.Field = 'title' AND t.Culture = cu.Culture), ''),
               coalesce((SELECT t.Text FROM Translations t WHERE t.EntityType = 'section' AND t.EntityKey = CAST(s.Id AS TEXT) AND t.Field = 'body' AND t.Culture = cu.Culture), '')
        FROM ContentSections s CROSS JOIN (SELECT DISTINCT Culture FROM Translations) cu WHERE s.IsArchived = 0
        """;

    /// <summary>Trigger name per table, as EF must know them (it then saves those tables without RETURNING).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> TriggersByTable = new Dictionary<string, string[]>
    {
        ["Projects"] = ["SearchIndex_Projects_Insert", "SearchIndex_Projects_Update", "SearchIndex_Projects_Delete"],
        ["ProjectPartners"] = ["SearchIndex_ProjectPartners_Insert", "SearchIndex_ProjectPartners_Update", "SearchIndex_ProjectPartners_Delete"],
        ["Cities"] = ["SearchIndex_Cities_Insert", "SearchIndex_Cities_Update", "SearchIndex_Cities_Delete"],
        ["Countries"] = ["SearchIndex_Countries_Insert", "SearchIndex_Countries_Update", "SearchIndex_Countries_Delete"],
        ["ContentSections"] = ["SearchIndex_ContentSections_Insert", "SearchIndex_ContentSections_Update", "SearchIndex_ContentSections_Delete"],
        ["Translations"] = ["SearchIndex_Translations_Insert", "SearchIndex_Translations_Update", "SearchIndex_Translations_Delete"],
    };

    public static IEnumerable<string> Create()
    {
        yield return $"CREATE VIRTUAL TABLE {Table} USING fts5({Columns}, tokenize = 'unicode61 remove_diacritics 2')";
        yield return SourceView;
        foreach (var sql in Triggers())
        {
            yield return sql;
        }

        yield return Rebuild;
    }

    /// <summary>
    /// Indexes on the text form of each record's id, which is how the source view names a record: without them every
    /// trigger read every row of its table (a save took seconds at 100 000 projects, docs/performance.md). IsArchived is
    /// in them so that they cover the view's filter and the planner prefers them.
    /// </summary>
    private static readonly string[] KeyedTables = ["Projects", "Cities", "ContentSections"];

    public static IEnumerable<string> KeyIndexes() =>
        KeyedTables.Select(table =>
            $"CREATE INDEX IF NOT EXISTS IX_{table}_SearchKey ON {table}(CAST(Id AS TEXT), IsArchived)");

    public static IEnumerable<string> DropKeyIndexes() =>
        KeyedTables.Select(table => $"DROP INDEX IF EXISTS IX_{table}_SearchKey");

    /// <summary>The triggers as <see cref="Create"/> makes them now, replacing whatever an earlier migration made.</summary>
    public static IEnumerable<string> RecreateTriggers() =>
        TriggersByTable.Values.SelectMany(n => n).Select(name => $"DROP TRIGGER IF EXISTS {name}").Concat(Triggers());

    public static IEnumerable<string> Drop()
    {
        foreach (var name in TriggersByTable.Values.SelectMany(n => n))
        {
            yield return $"DROP TRIGGER IF EXISTS {name}";
        }

        yield return "DROP VIEW IF EXISTS SearchSource";
        yield return $"DROP TABLE IF EXISTS {Table}";
    }

    /// <summary>Fills the index from scratch (the migration; a repair after a hand edit with triggers off).</summary>
    public const string Rebuild = $"DELETE FROM {Table}; INSERT INTO {Table}({Columns}) SELECT {Columns} FROM SearchSource";

    private static IEnumerable<string> Triggers()
    {
        // Replaces the index rows of the records whose keys the expression selects.
        // FTS5 can filter its columns only by reading every row, so the rows of a single key are found through the index
        // itself (the key is a token of its own column, quoted as a phrase) and then checked exactly; a set of keys
        // (every project of a renamed country) is rare enough to read them all.
        static string Refresh(string kind, string keys) =>
            $"DELETE FROM {Table} WHERE kind = {kind} AND key IN ({keys}); " + Insert(kind, keys);
        static string RefreshOne(string kind, string key) =>
            $"DELETE FROM {Table} WHERE {Table} MATCH 'key : \"' || replace({key}, '\"', '\"\"') || '\"' AND kind = {kind} AND key = {key}; "
            + Insert(kind, key);
        static string Insert(string kind, string keys) =>
            $"INSERT INTO {Table}({Columns}) SELECT {Columns} FROM SearchSource WHERE kind = {kind} AND key IN ({keys});";

        static string ProjectsOf(string country) => $"SELECT CAST(ProjectId AS TEXT) FROM ProjectPartners WHERE CountryCode = {country}";
        static string CitiesOf(string country) => $"SELECT CAST(Id AS TEXT) FROM Cities WHERE CountryCode = {country}";

        static IEnumerable<string> ForTable(string table, Func<string, string> body)
        {
            yield return $"CREATE TRIGGER SearchIndex_{table}_Insert AFTER INSERT ON {table} BEGIN {body("NEW")} END";
            yield return $"CREATE TRIGGER SearchIndex_{table}_Update AFTER UPDATE ON {table} BEGIN {body("OLD")} {body("NEW")} END";
            yield return $"CREATE TRIGGER SearchIndex_{table}_Delete AFTER DELETE ON {table} BEGIN {body("OLD")} END";
        }

        return ForTable("Projects", row => RefreshOne("'project'", $"CAST({row}.Id AS TEXT)"))
            .Concat(ForTable("ProjectPartners", row => RefreshOne("'project'", $"CAST({row}.ProjectId AS TEXT)")))
            .Concat(ForTable("Cities", row => RefreshOne("'city'", $"CAST({row}.Id AS TEXT)")))
            .Concat(ForTable("Countries", row => RefreshOne("'country'", $"{row}.Code") + Refresh("'city'", CitiesOf($"{row}.Code"))
                + Refresh("'project'", ProjectsOf($"{row}.Code"))))
            .Concat(ForTable("ContentSections", row => RefreshOne("'section'", $"CAST({row}.Id AS TEXT)")))
            .Concat(ForTable("Translations", row => RefreshOne($"{row}.EntityType", $"{row}.EntityKey")
                + Refresh("'city'", $"SELECT CAST(Id AS TEXT) FROM Cities WHERE {row}.EntityType = 'country' AND CountryCode = {row}.EntityKey")
                + Refresh("'project'", $"SELECT CAST(ProjectId AS TEXT) FROM ProjectPartners WHERE {row}.EntityType = 'country' AND CountryCode = {row}.EntityKey")));
    }
}
