namespace SeoulPolicyPortal.Web.Features.Shared;

/// <summary>
/// The downloads of a filtered view and its feed. Each link is named in full for a screen reader ("Download these 3
/// projects as CSV"): <see cref="Prefix"/> is read but not shown, the format is shown.
/// </summary>
public sealed record DownloadLinks(string Prefix, IReadOnlyList<DownloadFile> Files, string Feed, string FeedLabel);

public sealed record DownloadFile(string Label, string Href, string MediaType);
