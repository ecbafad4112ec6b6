using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>The hub endpoint could not be reached (connection refused, name resolution failed, or no answer in time).</summary>
public sealed class HubUnreachableException(string endpoint, string reason, Exception? inner)
    : HubException(ErrorKind.Environment,
        $"Could not reach {endpoint} ({reason}). Check the network, or use --model <local folder>, " +
        "or set HF_HUB_OFFLINE=1 to use a model already in the Hugging Face cache.", inner)
{
    /// <summary>The endpoint that was tried.</summary>
    public string Endpoint { get; } = endpoint;
}
