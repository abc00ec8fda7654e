namespace SeoulPolicyPortal.Web.Data.Translations;

/// <summary>
/// One field of one piece of content in one culture other than English. English stays in the content's own table;
/// a missing row means "not yet translated", and the reader sees the English text marked as such.
/// </summary>
public sealed class Translation
{
    public int Id { get; set; }

    /// <summary>What is translated: one of <see cref="TranslatedKinds"/>.</summary>
    public required string EntityType { get; set; }

    /// <summary>The row's key: the country's code, the region's slug, otherwise the row's id.</summary>
    public required string EntityKey { get; set; }

    /// <summary>"name", "title", "description", "body", "text" (a site text) or "label" (a figure's).</summary>
    public required string Field { get; set; }

    public required string Culture { get; set; }

    public required string Text { get; set; }

    /// <summary>The rendered HTML of a Markdown field (description, body), stored like the English one's.</summary>
    public string? Html { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>
/// The translation of one item into one culture, as the editing pipeline sees it: a row with a version, drafts and
/// revisions, whose texts are the <see cref="Translation"/> rows of the same (type, key, culture). Created the first
/// time an editor opens the item's translation; texts seeded or saved before then need none (readers read the
/// Translations table alone).
/// </summary>
public sealed class TranslationEntry : EditableEntity
{
    public required string EntityType { get; set; }

    public required string EntityKey { get; set; }

    public required string Culture { get; set; }

    /// <summary>The texts by field, as loaded or as a draft or restore puts them; written to the Translations table on save.</summary>
    public Dictionary<string, string> Texts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What is translated, in English (the item's title or name), for history and the drafts list.</summary>
    public string Label { get; set; } = "";
}

/// <summary>A translatable field and the longest text it takes (the English column's limit).</summary>
public sealed record TranslatedField(string Field, int MaxLength);

/// <summary>The translatable kinds and their fields; the names are stored in <see cref="Translation"/>.</summary>
public static class TranslatedKinds
{
    public const string Country = "country";
    public const string Region = "region";
    public const string Area = "area";
    public const string Concentration = "concentration";
    public const string City = "city";
    public const string Project = "project";
    public const string Section = "section";

    /// <summary>A site text (the overview's heading, its opening sentence), keyed by its key.</summary>
    public const string SiteText = "site-text";

    /// <summary>A stated figure's label, keyed by the figure's key.</summary>
    public const string Figure = "figure";

    public const string Name = "name";
    public const string Title = "title";
    public const string Description = "description";
    public const string Body = "body";
    public const string Text = "text";
    public const string Label = "label";

    /// <summary>Fields written in Markdown, whose HTML is stored beside the text.</summary>
    public static bool IsMarkdown(string field) => field is Description or Body;

    /// <summary>The fields a kind has, in the order the form shows them; none for a kind that is not translated.</summary>
    public static IReadOnlyList<TranslatedField> FieldsOf(string kind) => kind switch
    {
        Project => [new(Title, 400), new(Description, 20_000)],
        Section => [new(Title, 200), new(Body, 50_000)],
        SiteText => [new(Text, Data.SiteText.MaxLength)],
        Figure => [new(Label, 200)],
        Country or Region or Area or Concentration or City => [new(Name, 200)],
        _ => [],
    };
}
