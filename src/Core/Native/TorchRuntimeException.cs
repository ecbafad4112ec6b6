using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Native;

/// <summary>TorchSharp's native backend is missing or cannot be loaded on this machine.</summary>
public sealed class TorchRuntimeException(string message, Exception inner) : VideoSearchException(ErrorKind.Environment, message, inner);
