using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Web.Data.Search;

/// <summary>What a search hit is: a record of one kind, by its key (an id, or a country's code).</summary>
public static class SearchKinds
{
    public const string Project = "project";
    public const string City = "city";
    public const string Country = "country";
    public const string Section = "section";
}

/// <summary>One record that matched, with its relevance (lower is better, as SQLite's bm25 gives it).</summary>
public sealed record SearchHit(string Kind, string Key, double Rank);

/// <summary>
/// The words of what a visitor typed, as plain words: letters and digits only, so no quote, operator, column filter,
/// NEAR or parenthesis ever reaches the engine. Each word also matches longer words it begins ("seo" finds Seoul).
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Words)
{
    public const int MaxLength = 200;
    public const int MaxWords = 10;
    private const int MaxWordLength = 50;

    public bool IsEmpty => Words.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQuery([]);
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
                continue;
            }

            Flush();
        }

        Flush();
        return new SearchQuery(words.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords).ToList());

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString(0, Math.Min(word.Length, MaxWordLength)).ToLowerInvariant());
                word.Clear();
            }
        }
    }
}

/// <summary>
/// The full-text index over projects, cities, countries and overview sections in every language the content has.
/// One implementation per database provider (SQLite's FTS5 here); the index is kept current by the database itself.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Records matching every word, best first; <paramref name="kind"/> limits them to one kind.</summary>
    Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, string? kind, CancellationToken cancellationToken);
}

/// <summary>SQLite FTS5: bm25 with the title ten times the weight of the body, each word a prefix query.</summary>
public sealed class SqliteSearchIndex(PortalDbContext db) : ISearchIndex
{
    private const int Limit = 500;

    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, string? kind, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        // bm25 works only where the FTS table itself is scanned, so it is computed in a CTE that SQLite may not fold
        // into the GROUP BY (each record has a row per culture; its best one counts).
        // Words hold only letters and digits (SearchQuery), and are quoted anyway: each becomes the FTS5 string
        // "word"* and nothing the visitor typed is read as syntax.
        var match = string.Join(' ', query.Words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
        var hits = await db.Database.SqlQueryRaw<SearchHit>(
                $$"""
                WITH hits AS MATERIALIZED (
                    SELECT kind, key, bm25({{SqliteSearchSchema.Table}}, 0, 0, 0, 10.0, 1.0) AS rank
                    FROM {{SqliteSearchSchema.Table}}
                    WHERE {{SqliteSearchSchema.Table}} MATCH {0} AND ({1} = '' OR kind = {1}))
                SELECT kind AS Kind, key AS Key, min(rank) AS Rank FROM hits
                GROUP BY kind, key
                ORDER BY Rank, kind, key
                LIMIT {{Limit}}
                """, match, kind ?? "")
            .ToListAsync(cancellationToken);
        return hits;
    }
}

/// <summary>
/// PostgreSQL full-text search over the same records: every word a prefix lexeme (quoted, so nothing typed is read as
/// tsquery syntax), accents folded with unaccent, ts_rank with the title ten times the weight of the body.
/// </summary>
public sealed class PostgresSearchIndex(PortalDbContext db) : ISearchIndex
{
    private const int Limit = 500;

    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, string? kind, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        // Rank is negated so that, as on SQLite, lower is better. Weights are {D, C, B, A}: body B 0.1, title A 1.0.
        return await db.Database.SqlQueryRaw<SearchHit>(
                $$"""
                WITH q AS (
                    SELECT to_tsquery('simple', string_agg(quote_literal(unaccent(w)) || ':*', ' & ')) AS query
                    FROM unnest({0}::text[]) AS w)
                SELECT s.kind AS "Kind", s.key AS "Key", min(-ts_rank(ARRAY[0.0, 0.0, 0.1, 1.0]::real[], s.document, q.query))::float8 AS "Rank"
                FROM "{{PostgresSearchSchema.Table}}" s, q
                WHERE s.document @@ q.query AND ({1} = '' OR s.kind = {1})
                GROUP BY s.kind, s.key
                ORDER BY "Rank", s.kind, s.key
                LIMIT {{Limit}}
                """, query.Words.ToArray(), kind ?? "")
            .ToListAsync(cancellationToken);
    }
}

public static class SearchSetup
{
    public static IServiceCollection AddPortalSearch(this IServiceCollection services) =>
        services.AddScoped<ISearchIndex>(provider =>
        {
            var db = provider.GetRequiredService<PortalDbContext>();
            return db.Database.IsNpgsql() ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db);
        });
}
