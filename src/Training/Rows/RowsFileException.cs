using VideoSearch.Core.Errors;

namespace VideoSearch.Training.Rows;

/// <summary>A rows file that cannot be used: unreadable, malformed, or naming a video that is not there.</summary>
public sealed class RowsFileException(ErrorKind kind, string message) : VideoSearchException(kind, message);
