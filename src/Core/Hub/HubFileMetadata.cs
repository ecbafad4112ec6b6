namespace VideoSearch.Core.Hub;

/// <summary>
/// What the hub says about one file before it is downloaded, read from the headers huggingface_hub reads:
/// X-Repo-Commit (the commit the revision resolved to), X-Linked-Etag or ETag (the blob name: the LFS sha256 or the git
/// blob id), X-Linked-Size or Content-Length, and the redirect target where the bytes are served.
/// </summary>
/// <param name="ResolveUrl">The <c>/resolve/</c> URL that was asked.</param>
/// <param name="DownloadUrl">Where to GET the bytes (the CDN address for large files).</param>
/// <param name="Exists">False when the hub answered 404.</param>
/// <param name="Commit">The X-Repo-Commit header.</param>
/// <param name="Etag">The normalised etag (no <c>W/</c> prefix, no quotes).</param>
/// <param name="Size">The announced size in bytes.</param>
/// <param name="ErrorCode">The hub's X-Error-Code header, on a 404.</param>
internal sealed record HubFileMetadata(Uri ResolveUrl, Uri DownloadUrl, bool Exists, string? Commit, string? Etag, long? Size, string? ErrorCode);
