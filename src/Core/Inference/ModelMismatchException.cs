using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Inference;

/// <summary>The model asked for is not the one the library was indexed with (its vectors would be meaningless to it).</summary>
public sealed class ModelMismatchException(string message) : VideoSearchException(ErrorKind.InvalidInput, message);
