using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Hub;

/// <summary>
/// A download started but did not complete (connection cut, stalled, wrong size or checksum, unexpected answer).
/// A partial file, when kept, is resumed by the next attempt.
/// </summary>
public sealed class HubDownloadException(string message, Exception? inner = null) : HubException(ErrorKind.Environment, message, inner);
