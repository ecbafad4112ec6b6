using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>The hub answered 404 for a file the model needs (or for its repository or revision).</summary>
public sealed class HubFileNotFoundException(string repoId, string revision, string file, string url, string? errorCode)
    : HubException(ErrorKind.NotFound,
        $"{file} was not found in {repoId} at revision '{revision}' ({url}" + (errorCode is null ? ")" : $", hub error {errorCode})") +
        ". Check the hub id and revision, or use --model <local folder>.")
{
    /// <summary>The hub id, <c>org/name</c>.</summary>
    public string RepoId { get; } = repoId;

    /// <summary>The revision that was asked for.</summary>
    public string Revision { get; } = revision;

    /// <summary>The file that was asked for.</summary>
    public string File { get; } = file;

    /// <summary>The URL that answered 404.</summary>
    public string Url { get; } = url;

    /// <summary>The hub's <c>X-Error-Code</c> (EntryNotFound, RevisionNotFound, RepoNotFound), when it sent one.</summary>
    public string? ErrorCode { get; } = errorCode;
}
