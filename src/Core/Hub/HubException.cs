using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>Base of every failure to obtain a model from the Hugging Face hub or its local cache.</summary>
public abstract class HubException(ErrorKind kind, string message, Exception? inner = null) : VideoSearchException(kind, message, inner);
