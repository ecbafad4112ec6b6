namespace VideoSearch.Core.Hub;

/// <summary>Where a resolved model folder came from.</summary>
public enum ModelSource
{
    /// <summary>A folder the user named.</summary>
    LocalFolder,

    /// <summary>A snapshot already in the Hugging Face cache; nothing was downloaded.</summary>
    HuggingFaceCache,

    /// <summary>A snapshot this call completed by downloading from the hub.</summary>
    Downloaded,
}
