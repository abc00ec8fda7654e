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
}
