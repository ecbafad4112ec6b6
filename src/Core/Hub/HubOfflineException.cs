using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>HF_HUB_OFFLINE is set and the Hugging Face cache does not hold the model.</summary>
public sealed class HubOfflineException(string repoId, string revision, string lookedAt, string missing)
    : HubException(ErrorKind.NotFound,
        $"HF_HUB_OFFLINE is set and {repoId}@{revision} is not in the Hugging Face cache: looked at {lookedAt} ({missing}). " +
        "Unset HF_HUB_OFFLINE to download it, point HF_HOME/HF_HUB_CACHE at the cache that holds it, or use --model <local folder>.")
{
    /// <summary>The cache path that was examined.</summary>
    public string LookedAt { get; } = lookedAt;
}
