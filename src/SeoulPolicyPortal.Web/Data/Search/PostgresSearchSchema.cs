namespace SeoulPolicyPortal.Web.Data.Search;

/// <summary>
/// The PostgreSQL side of the full-text index, the counterpart of <see cref="SqliteSearchSchema"/>: a table of one row
/// per record and culture with a weighted tsvector (title A, body B) under a GIN index, the same source view, and
/// row triggers that refresh the affected records in the same transaction as the edit, whoever made it. Accents are
/// folded with the unaccent extension, words are split and lowercased by the 'simple' configuration (no stemming, as
/// on SQLite), so both providers find the same records.
/// </summary>
internal static class PostgresSearchSchema
{
    public const string Table = "SearchIndex";

    private static readonly string[] Tables = ["Projects", "ProjectPartners", "Cities", "Countries", "ContentSections", "Translations"];

    private const string SourceView = """
        CREATE VIEW "SearchSource" AS
        SELECT 'project'::text AS kind, p."Id"::text AS key, 'en'::text AS culture, p."Title"::text AS title,
               coalesce(p."DescriptionMarkdown", '') || ' ' || coalesce((
                   SELECT string_agg(coalesce(pp."Name", '') || ' ' || coalesce(c."Name", '') || ' ' || replace(coalesce(c."Aliases", ''), '|', ' '), ' ')
                   FROM "ProjectPartners" pp LEFT JOIN "Countries" c ON c."Code" = pp."CountryCode" WHERE pp."ProjectId" = p."Id"), '') AS body
        FROM "Projects" p WHERE NOT p."IsArchived"
        UNION ALL
        SELECT 'project', p."Id"::text, cu."Culture"::text,
               coalesce((SELECT t."Text" FROM "Translations" t WHERE t."EntityType" = 'project' AND t."EntityKey" = p."Id"::text AND t."Field" = 'title' AND t."Culture" = cu."Culture"), ''),
               coalesce((SELECT t."Text" FROM "Translations" t WHERE t."EntityType" = 'project' AND t."EntityKey" = p."Id"::text AND t."Field" = 'description' AND t."Culture" = cu."Culture"), '')
               || ' ' || coalesce((SELECT string_agg(t."Text", ' ') FROM "ProjectPartners" pp
                   JOIN "Translations" t ON t."EntityType" = 'country' AND t."EntityKey" = pp."CountryCode" AND t."Field" = 'name' AND t."Culture" = cu."Culture"
                   WHERE pp."ProjectId" = p."Id"), '')
        FROM "Projects" p CROSS JOIN (SELECT DISTINCT "Culture" FROM "Translations") cu WHERE NOT p."IsArchived"
        UNION ALL
        SELECT 'city', ci."Id"::text, 'en', ci."Name"::text,
               co."Name" || ' ' || replace(co."Aliases", '|', ' ') || ' ' || replace(ci."Aliases", '|', ' ')
        FROM "Cities" ci JOIN "Countries" co ON co."Code" = ci."CountryCode" WHERE NOT ci."IsArchived"
        UNION ALL
        SELECT 'city', ci."Id"::text, cu."Culture"::text,
               coalesce((SELECT t."Text" FROM "Translations" t WHERE t."EntityType" = 'city' AND t."EntityKey" = ci."Id"::text AND t."Field" = 'name' AND t."Culture" = cu."Culture"), ''),
               coalesce((SELECT t."Text" FROM "Translations" t WHERE t."EntityType" = 'country' AND t."EntityKey" = ci."CountryCode" AND t."Field" = 'name' AND t."Culture" = cu."Culture"), '')
        FROM "Cities" ci CROSS JOIN (SELECT DISTINCT "Culture" FROM "Translations") cu WHERE NOT ci."IsArchived"
        UNION ALL
        SELECT 'country', co."Code"::text, 'en', co."Name"::text, replace(co."Aliases", '|', ' ') FROM "Countries" co
        UNION ALL
        SELECT 'country', t."EntityKey"::text, t."Culture"::text, t."Text"::text, '' FROM "Translations" t WHERE t."EntityType" = 'country' AND t."Field" = 'name'
        UNION ALL
        SELECT 'section', s."Id"::text, 'en', s."Title"::text, s."BodyMarkdown"::text FROM "ContentSections" s WHERE NOT s."IsArchived"
        UNION ALL
        SELECT 'section', s."Id"::text, cu."Culture"::text,
               coalesce((SELECT t."Text" FROM "Translations" t WHERE t."EntityType" = 'section' AND t."EntityKey" = s."Id"::text AND t."Field" = 'title' AND t."Culture" = cu."Culture"), ''),
               coalesce((SELECT t."Text" FROM "Translations" t WHERE t."EntityType" = 'section' AND t."EntityKey" = s."Id"::text AND t."Field" = 'body' AND t."Culture" = cu."Culture"), '')
        FROM "ContentSections" s CROSS JOIN (SELECT DISTINCT "Culture" FROM "Translations") cu WHERE NOT s."IsArchived"
        """;

    // Replaces the index rows of the records of one kind whose keys are given.
    private const string RefreshFunction = """
        CREATE FUNCTION search_refresh(p_kind text, p_keys text[]) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM "SearchIndex" WHERE kind = p_kind AND key = ANY (p_keys);
            INSERT INTO "SearchIndex" (kind, key, culture, title, body, document)
            SELECT kind, key, culture, title, body,
                   setweight(to_tsvector('simple', unaccent(title)), 'A') || setweight(to_tsvector('simple', unaccent(body)), 'B')
            FROM "SearchSource" WHERE kind = p_kind AND key = ANY (p_keys);
        END $$
        """;

    // Which records a changed row of a table is part of (a country's name is in its cities' and projects' text).
    private const string RowFunction = """
        CREATE FUNCTION search_row_changed(p_table text, r jsonb) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            country text;
        BEGIN
            CASE p_table
                WHEN 'Projects' THEN PERFORM search_refresh('project', ARRAY[r->>'Id']);
                WHEN 'ProjectPartners' THEN PERFORM search_refresh('project', ARRAY[r->>'ProjectId']);
                WHEN 'Cities' THEN PERFORM search_refresh('city', ARRAY[r->>'Id']);
                WHEN 'ContentSections' THEN PERFORM search_refresh('section', ARRAY[r->>'Id']);
                WHEN 'Countries' THEN
                    country := r->>'Code';
                    PERFORM search_refresh('country', ARRAY[country]);
                WHEN 'Translations' THEN
                    PERFORM search_refresh(r->>'EntityType', ARRAY[r->>'EntityKey']);
                    IF r->>'EntityType' = 'country' THEN
                        country := r->>'EntityKey';
                    END IF;
                ELSE NULL;
            END CASE;
            IF country IS NOT NULL THEN
                PERFORM search_refresh('city', ARRAY(SELECT "Id"::text FROM "Cities" WHERE "CountryCode" = country));
                PERFORM search_refresh('project', ARRAY(SELECT "ProjectId"::text FROM "ProjectPartners" WHERE "CountryCode" = country));
            END IF;
        END $$
        """;

    private const string TriggerFunction = """
        CREATE FUNCTION search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM search_row_changed(TG_TABLE_NAME, to_jsonb(OLD)); END IF;
            IF TG_OP <> 'DELETE' THEN PERFORM search_row_changed(TG_TABLE_NAME, to_jsonb(NEW)); END IF;
            RETURN NULL;
        END $$
        """;

    /// <summary>Fills the index from scratch (the migration; a repair after a hand edit with triggers off).</summary>
    public const string Rebuild = """
        DELETE FROM "SearchIndex";
        INSERT INTO "SearchIndex" (kind, key, culture, title, body, document)
        SELECT kind, key, culture, title, body,
               setweight(to_tsvector('simple', unaccent(title)), 'A') || setweight(to_tsvector('simple', unaccent(body)), 'B')
        FROM "SearchSource"
        """;

    public static IEnumerable<string> Create()
    {
        // unaccent is a trusted extension: the database's owner may create it (docs/operations.md).
        yield return "CREATE EXTENSION IF NOT EXISTS unaccent";
        yield return """
            CREATE TABLE "SearchIndex" (
                kind text NOT NULL, key text NOT NULL, culture text NOT NULL, title text NOT NULL, body text NOT NULL,
                document tsvector NOT NULL)
            """;
        yield return """CREATE INDEX "IX_SearchIndex_document" ON "SearchIndex" USING gin (document)""";
        yield return """CREATE INDEX "IX_SearchIndex_kind_key" ON "SearchIndex" (kind, key)""";
        yield return SourceView;
        yield return RefreshFunction;
        yield return RowFunction;
        yield return TriggerFunction;
        foreach (var table in Tables)
        {
            yield return $"""CREATE TRIGGER "SearchIndex_{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION search_changed()""";
        }

        yield return Rebuild;
    }

    /// <summary>
    /// Indexes on the text form of each record's id, which is how the source view names a record: without them each
    /// refresh read every row of its table (docs/performance.md).
    /// </summary>
    private static readonly string[] KeyedTables = ["Projects", "Cities", "ContentSections"];

    public static IEnumerable<string> KeyIndexes() =>
        KeyedTables.Select(table =>
            $"""CREATE INDEX IF NOT EXISTS "IX_{table}_SearchKey" ON "{table}" (("Id"::text))""");

    public static IEnumerable<string> DropKeyIndexes() =>
        KeyedTables.Select(table => $"""DROP INDEX IF EXISTS "IX_{table}_SearchKey" """);

    public static IEnumerable<string> Drop()
    {
        foreach (var table in Tables)
        {
            yield return $"""DROP TRIGGER IF EXISTS "SearchIndex_{table}" ON "{table}" """;
        }

        yield return "DROP FUNCTION IF EXISTS search_changed()";
        yield return "DROP FUNCTION IF EXISTS search_row_changed(text, jsonb)";
        yield return "DROP FUNCTION IF EXISTS search_refresh(text, text[])";
        yield return """DROP VIEW IF EXISTS "SearchSource" """;
        yield return """DROP TABLE IF EXISTS "SearchIndex" """;
    }
}
