using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Vectors;

/// <summary>A vector cannot be normalised: it is all zeros or holds a NaN or infinity.</summary>
public sealed class InvalidVectorException(string message) : VideoSearchException(ErrorKind.InvalidInput, message);
