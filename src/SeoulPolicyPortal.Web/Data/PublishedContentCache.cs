using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace SeoulPolicyPortal.Web.Data;

/// <summary>
/// What a reader's page derives from published content (the catalogue's rows, the overview), kept by this instance and
/// used only while the database's <see cref="ContentVersion"/> still holds the version it was derived under. Every
/// request asks the database for the version, so instances never disagree and a save shows on the next request.
/// </summary>
public sealed class PublishedContentCache
{
    private static readonly Func<PortalDbContext, CancellationToken, Task<long>> CurrentVersion = EF.CompileAsyncQuery(
        (PortalDbContext db, CancellationToken _) => db.ContentVersions.Where(v => v.Id == 1).Select(v => v.Value).Single());

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public async Task<T> GetOrLoadAsync<T>(PortalDbContext db, string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        // The version is read before the content, so an entry can be labelled older than what it holds (one extra load
        // later), never newer (which would serve stale content for good).
        var version = await CurrentVersion(db, cancellationToken);
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            return (T)entry.Value;
        }

        var value = await load(cancellationToken);
        _entries[key] = new Entry(version, value);
        return value;
    }

    private sealed record Entry(long Version, object Value);
}
