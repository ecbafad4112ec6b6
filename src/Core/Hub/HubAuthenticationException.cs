using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>The hub refused access (401 or 403): the repository is private, gated or missing, or the token is not accepted.</summary>
public sealed class HubAuthenticationException(string repoId, string url, int statusCode, bool tokenSent)
    : HubException(ErrorKind.InvalidInput,
        $"The hub answered {statusCode} for {url}. " +
        (tokenSent
            ? "The token in use (HF_TOKEN or the saved token file) was refused for "
            : "No token was sent; if ") +
        (tokenSent
            ? $"{repoId}; check that it has read access to this repository and that the hub id is spelled right."
            : $"{repoId} is private or gated, set HF_TOKEN to a token with read access. A mistyped hub id also answers this way."))
{
    /// <summary>The hub id, <c>org/name</c>.</summary>
    public string RepoId { get; } = repoId;

    /// <summary>The HTTP status the hub answered (401 or 403).</summary>
    public int StatusCode { get; } = statusCode;
}
