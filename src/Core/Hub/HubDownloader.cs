namespace VideoSearch.Core.Hub;

/// <summary>
/// Completes a cache snapshot from the hub: asks for each file's metadata, downloads the blobs the cache lacks,
/// links them into <c>snapshots/&lt;commit&gt;/</c>, records optional files the repository does not have, and finally
/// points <c>refs/&lt;revision&gt;</c> at the commit (last, so an interrupted download never looks complete).
/// </summary>
internal sealed class HubDownloader : IDisposable
{
    private readonly HuggingFaceCache _cache;
    private readonly HubHttpClient _client;
    private readonly BlobDownloader _blobs;

    public HubDownloader(HubOptions options, HuggingFaceCache cache)
    {
        _cache = cache;
        _client = new HubHttpClient(options);
        _blobs = new BlobDownloader(options, cache, _client);
    }

    /// <summary>Downloads what is missing and returns the commit hash of the completed snapshot.</summary>
    public async Task<string> DownloadSnapshotAsync(
        ModelReference model, IReadOnlyList<string> required, IReadOnlyList<string> optional, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        string revision = model.Revision!;
        string? commit = null;
        foreach ((string file, bool isRequired) in required.Select(f => (f, true)).Concat(optional.Select(f => (f, false))))
        {
            // After the first file, ask by commit so that every file comes from the same commit even if the branch moves meanwhile.
            HubFileMetadata metadata = await _client.GetMetadataAsync(model, commit ?? revision, file, cancellationToken).ConfigureAwait(false);
            if (!metadata.Exists)
            {
                if (isRequired) throw new HubFileNotFoundException(model.RepoId!, revision, file, metadata.ResolveUrl.ToString(), metadata.ErrorCode);
                string? known = commit ?? metadata.Commit;
                if (known is not null && HuggingFaceCache.IsCommitHash(known)) _cache.MarkMissing(model, known, file);
                continue;
            }

            string fileCommit = CheckMetadata(model, file, metadata);
            if (commit is not null && fileCommit != commit)
                throw new HubDownloadException($"The hub served {file} of {model.RepoId} from commit {fileCommit} although commit {commit} was asked for ({metadata.ResolveUrl}).");
            commit = fileCommit;

            if (_cache.HasFile(model, commit, file)) continue;
            await _blobs.FetchAsync(model, file, metadata, progress, cancellationToken).ConfigureAwait(false);
            _cache.LinkSnapshotFile(model, commit, file, metadata.Etag!);
        }

        if (commit is null) throw new HubDownloadException($"The hub listed none of the files of {model.RepoId}@{revision}.");
        _cache.WriteRef(model, revision, commit);
        return commit;
    }

    public void Dispose() => _client.Dispose();

    // Header values become cache paths, so they are checked before use, as huggingface_hub refuses files without them.
    private static string CheckMetadata(ModelReference model, string file, HubFileMetadata metadata)
    {
        if (metadata.Commit is null || !HuggingFaceCache.IsCommitHash(metadata.Commit))
            throw new HubDownloadException($"The answer for {metadata.ResolveUrl} has no valid X-Repo-Commit header ('{metadata.Commit}'), so {file} of {model.RepoId} cannot be placed in the cache.");
        if (metadata.Etag is null || !HuggingFaceCache.IsSafeBlobName(metadata.Etag))
            throw new HubDownloadException($"The answer for {metadata.ResolveUrl} has no usable ETag ('{metadata.Etag}'), so {file} of {model.RepoId} cannot be placed in the cache.");
        return metadata.Commit;
    }
}
