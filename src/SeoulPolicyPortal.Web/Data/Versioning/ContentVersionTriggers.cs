namespace SeoulPolicyPortal.Web.Data.Versioning;

/// <summary>
/// Moves <see cref="ContentVersion"/> from the database itself: a trigger on every table of published content adds one
/// to the version and stamps the time, in the same transaction as the change, whoever made it (the admin area, the
/// seeder, a start-up backfill, a migration, an operator's SQL). Caches that trust the version therefore cannot miss a
/// write. Used by the migrations that create the triggers; their names are declared to EF in
/// <see cref="Configurations.DatabaseTriggers"/>.
/// </summary>
internal static class ContentVersionTriggers
{
    /// <summary>
    /// The tables the first triggers migration covers; the methods without a table list mean these, so that migration
    /// creates the same triggers on a new database as it did when it was written.
    /// </summary>
    public static readonly string[] InitialTables =
    [
        "Countries", "Regions", "Cities", "Areas", "Concentrations", "Projects", "ProjectPartners", "ContentSections",
        "StatedFigures", "Translations",
    ];

    /// <summary>
    /// The tables whose rows the public pages show. A table added later gets its triggers in the migration that creates
    /// it, through the methods that take a table list (SiteTexts: migration EditableHeadline).
    /// </summary>
    public static readonly string[] Tables = [.. InitialTables, "SiteTexts"];

    private static readonly string[] Events = ["Insert", "Update", "Delete"];

    /// <summary>The SQLite trigger names of a table (EF must know them: it then saves the table without RETURNING).</summary>
    public static IEnumerable<string> SqliteNames(string table) => Events.Select(e => $"ContentVersion_{table}_{e}");

    // SQLite has row triggers only; a statement that changes n rows moves the version n times, which is harmless. The
    // time is written in the text format EF uses for DateTime on SQLite, so Last-Modified reads it back unchanged.
    public static IEnumerable<string> SqliteCreate() => SqliteCreate(InitialTables);

    /// <summary>The triggers of some tables: a table added later, or one SQLite rebuilt (a rebuild drops its triggers).</summary>
    public static IEnumerable<string> SqliteCreate(params string[] tables) =>
        from table in tables
        from e in Events
        select $"""
            CREATE TRIGGER ContentVersion_{table}_{e} AFTER {e.ToUpperInvariant()} ON {table}
            BEGIN
                UPDATE ContentVersions SET Value = Value + 1, ChangedAtUtc = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE Id = 1;
            END
            """;

    public static IEnumerable<string> SqliteDrop() => SqliteDrop(InitialTables);

    public static IEnumerable<string> SqliteDrop(params string[] tables) =>
        tables.SelectMany(SqliteNames).Select(name => $"DROP TRIGGER IF EXISTS {name}");

    // A statement trigger fires once per statement, however many rows it touched (also none; a rolled-back statement
    // takes its move with it). clock_timestamp() rather than now(): now() is when the transaction began, and a long
    // transaction committing after a short one must not move Last-Modified backwards; greatest() keeps it monotonic.
    private const string PostgresFunction = """
        CREATE FUNCTION content_version_move() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "ContentVersions" SET "Value" = "Value" + 1, "ChangedAtUtc" = greatest("ChangedAtUtc", clock_timestamp()) WHERE "Id" = 1;
            RETURN NULL;
        END $$
        """;

    public static IEnumerable<string> PostgresCreate()
    {
        yield return PostgresFunction;
        foreach (var sql in PostgresCreate(InitialTables))
        {
            yield return sql;
        }
    }

    /// <summary>The trigger of tables added after the function was created.</summary>
    public static IEnumerable<string> PostgresCreate(params string[] tables) =>
        tables.Select(table => $"""
            CREATE TRIGGER "ContentVersion_{table}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
            FOR EACH STATEMENT EXECUTE FUNCTION content_version_move()
            """);

    public static IEnumerable<string> PostgresDrop(params string[] tables) =>
        tables.Select(table => $"""DROP TRIGGER IF EXISTS "ContentVersion_{table}" ON "{table}" """);

    public static IEnumerable<string> PostgresDrop()
    {
        foreach (var sql in PostgresDrop(InitialTables))
        {
            yield return sql;
        }

        yield return "DROP FUNCTION IF EXISTS content_version_move()";
    }
}
