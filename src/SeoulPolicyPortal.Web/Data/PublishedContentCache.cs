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

    private static readonly Func<PortalDbContext, CancellationToken, Task<ContentStamp>> CurrentStamp = EF.CompileAsyncQuery(
        (PortalDbContext db, CancellationToken _) => db.ContentVersions.Where(v => v.Id == 1)
            .Select(v => new ContentStamp(v.Value, v.ChangedAtUtc)).Single());

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public Task<T> GetOrLoadAsync<T>(PortalDbContext db, string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class =>
        GetOrUpdateAsync<T>(db, key, (_, ct) => load(ct), cancellationToken);

    /// <summary>
    /// Like <see cref="GetOrLoadAsync{T}"/>, but a new version is derived from the previous copy (null at first), for
    /// content that only grows, such as the append-only revision history.
    /// </summary>
    public async Task<T> GetOrUpdateAsync<T>(PortalDbContext db, string key, Func<T?, CancellationToken, Task<T>> update, CancellationToken cancellationToken)
        where T : class
    {
        // Inside a transaction the content may be uncommitted (a draft's preview is rendered in one that is rolled back):
        // an entry made from it would later be served as published, so nothing is kept.
        if (db.Database.CurrentTransaction is not null)
        {
            return await update(null, cancellationToken);
        }

        // The version is read before the content, so an entry can be labelled older than what it holds (one extra load
        // later), never newer (which would serve stale content for good).
        var version = await CurrentVersion(db, cancellationToken);
        while (true)
        {
            _entries.TryGetValue(key, out var entry);
            if (entry is not null && entry.Version >= version)
            {
                // Loaded, or being loaded by another request: with a large catalogue, thirty requests arriving just after
                // an edit must not each read it again.
                return (T)await entry.Value.WaitAsync(cancellationToken);
            }

            var loading = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = new Entry(version, loading.Task);
            if (!(entry is null ? _entries.TryAdd(key, mine) : _entries.TryUpdate(key, mine, entry)))
            {
                continue;
            }

            try
            {
                // Not cancelled with this request: others may be waiting for it, and it runs on this request's context,
                // which therefore must outlive it (this request awaits it to the end).
                var value = await update(entry is { Value.IsCompletedSuccessfully: true } ? (T)entry.Value.Result : null, CancellationToken.None);
                loading.SetResult(value);
                return value;
            }
            catch (Exception e)
            {
                _entries.TryRemove(KeyValuePair.Create(key, mine));
                loading.SetException(e);
                throw;
            }
        }
    }

    /// <summary>The published content's version: one scalar query.</summary>
    public static Task<long> VersionAsync(PortalDbContext db, CancellationToken cancellationToken) => CurrentVersion(db, cancellationToken);

    /// <summary>The published content's version and when it last moved: what ETag and Last-Modified are made of.</summary>
    public static async Task<ContentStamp> StampAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var stamp = await CurrentStamp(db, cancellationToken);
        return stamp with { ChangedAtUtc = DateTime.SpecifyKind(stamp.ChangedAtUtc, DateTimeKind.Utc) };
    }

    private sealed record Entry(long Version, Task<object> Value);
}

public sealed record ContentStamp(long Version, DateTime ChangedAtUtc);
