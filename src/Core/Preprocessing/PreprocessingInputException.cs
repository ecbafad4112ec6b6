using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Preprocessing;

/// <summary>The frames given to the preprocessor cannot form a batch (no videos, no frames, unequal frame counts).</summary>
public sealed class PreprocessingInputException(string message) : VideoSearchException(ErrorKind.InvalidInput, message);
