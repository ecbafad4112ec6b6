namespace VideoSearch.Core.Native;

/// <summary>TorchSharp's native backend is missing or cannot be loaded on this machine.</summary>
public sealed class TorchRuntimeException(string message, Exception inner) : Exception(message, inner);
