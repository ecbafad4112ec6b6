using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;

namespace VideoSearch.Search.Library;

/// <summary>
/// Finds the model a library was indexed with. The catalog records a hub id with the commit it was indexed at, or a
/// model folder's full path; search loads exactly that, and refuses a different <c>--model</c>.
/// </summary>
public static class LibraryModel
{
    /// <summary>
    /// The folder of the library's model: <paramref name="requested"/> when given and it is the library's model,
    /// otherwise the recorded folder or hub snapshot (downloaded when not cached, like every command's model).
    /// </summary>
    /// <exception cref="ModelMismatchException"><paramref name="requested"/> names another model, or the recorded folder is gone.</exception>
    /// <exception cref="HubException">The recorded hub model is neither cached nor obtainable.</exception>
    public static async Task<string> ResolveAsync(ModelState indexed, string? requested, ModelLocator locator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentNullException.ThrowIfNull(locator);
        if (requested is { Length: > 0 })
        {
            ResolvedModel resolved = await locator.ResolveAsync(requested, null, cancellationToken).ConfigureAwait(false);
            if (!Matches(indexed, resolved))
                throw new ModelMismatchException(
                    $"The library was indexed with '{indexed.ModelId}' (revision {indexed.Revision}), not '{requested}': " +
                    "search with the library's model (leave out --model) or re-index with the new one.");
            return resolved.Folder;
        }
        if (Directory.Exists(indexed.ModelId)) return indexed.ModelId;
        if (Path.IsPathFullyQualified(indexed.ModelId))
            throw new ModelMismatchException(
                $"The library was indexed with the model folder '{indexed.ModelId}', which no longer exists: restore it or re-index.");
        ResolvedModel recorded = await locator.ResolveAsync($"{indexed.ModelId}@{indexed.Revision}", null, cancellationToken)
            .ConfigureAwait(false);
        return recorded.Folder;
    }

    /// <summary>True when <paramref name="resolved"/> is the model recorded in <paramref name="indexed"/>.</summary>
    public static bool Matches(ModelState indexed, ResolvedModel resolved)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentNullException.ThrowIfNull(resolved);
        if (resolved.RepoId is null)
            return Path.IsPathFullyQualified(indexed.ModelId)
                   && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(resolved.Folder)),
                       Path.TrimEndingDirectorySeparator(indexed.ModelId), StringComparison.Ordinal);
        return string.Equals(resolved.RepoId, indexed.ModelId, StringComparison.OrdinalIgnoreCase)
               && (indexed.Revision == resolved.Commit || indexed.Revision == resolved.Revision);
    }
}
