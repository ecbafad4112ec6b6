using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>A hub setting (an environment variable such as HF_ENDPOINT) has an unusable value.</summary>
public sealed class HubConfigurationException(string message) : HubException(ErrorKind.InvalidInput, message);
