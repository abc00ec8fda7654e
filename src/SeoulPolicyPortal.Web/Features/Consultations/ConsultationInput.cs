using System.ComponentModel.DataAnnotations;
using SeoulPolicyPortal.Web.Data;

namespace SeoulPolicyPortal.Web.Features.Consultations;

/// <summary>The "Ask Seoul" form as posted. Everything is text so that model binding never fails on it.</summary>
public sealed class ConsultationInput
{
    public const string OtherCountry = "other";

    private string? _message;

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(ConsultationLimits.Line, ErrorMessage = "Your name can be at most 200 characters.")]
    public string? Name { get; set; }

    [StringLength(ConsultationLimits.Line, ErrorMessage = "Your job title can be at most 200 characters.")]
    public string? JobTitle { get; set; }

    [Required(ErrorMessage = "Enter the name of your organisation.")]
    [StringLength(ConsultationLimits.Line, ErrorMessage = "The organisation can be at most 200 characters.")]
    public string? Organisation { get; set; }

    [Required(ErrorMessage = "Enter your city.")]
    [StringLength(ConsultationLimits.Line, ErrorMessage = "The city can be at most 200 characters.")]
    public string? City { get; set; }

    [Required(ErrorMessage = "Choose your country, or “Other country”.")]
    [StringLength(10, ErrorMessage = "Choose your country from the list.")]
    public string? Country { get; set; }

    [StringLength(ConsultationLimits.Line, ErrorMessage = "The country can be at most 200 characters.")]
    public string? OtherCountryName { get; set; }

    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(ConsultationLimits.Email, ErrorMessage = "The email address can be at most 254 characters.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choose the language you would like the answer in.")]
    [StringLength(10, ErrorMessage = "Choose a language from the list.")]
    public string? Language { get; set; }

    [Required(ErrorMessage = "Enter the topic of your request.")]
    [StringLength(ConsultationLimits.Line, ErrorMessage = "The topic can be at most 200 characters.")]
    public string? Topic { get; set; }

    /// <summary>Browsers send a textarea's line breaks as CR LF but count them as one character; so does this.</summary>
    [Required(ErrorMessage = "Write your message.")]
    [StringLength(ConsultationLimits.Message, ErrorMessage = "Your message can be at most 5,000 characters.")]
    public string? Message
    {
        get => _message;
        set => _message = value?.Replace("\r\n", "\n");
    }

    public bool Consent { get; set; }

    // What the request is about, from the page the visitor came from (ids only, checked against the database).
    public string? AboutProject { get; set; }

    public string? AboutArea { get; set; }

    public string? AboutCountry { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by some robots.</summary>
    public string? Website { get; set; }

    public bool IsOtherCountry => string.Equals(Country, OtherCountry, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The languages an answer can be asked in; the English name is the interface-text key.</summary>
public static class ConsultationLanguages
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("en", "English"),
        ("ko", "Korean"),
        ("es", "Spanish"),
        ("fr", "French"),
        ("pt", "Portuguese"),
        ("ru", "Russian"),
        ("ar", "Arabic"),
        ("zh", "Chinese"),
        ("vi", "Vietnamese"),
        ("id", "Indonesian"),
        ("other", "Another language (say which in your message)"),
    ];

    public static bool IsKnown(string? code) => All.Any(l => l.Code == code);

    public static string NameOf(string code) => All.FirstOrDefault(l => l.Code == code).Name ?? code;
}
