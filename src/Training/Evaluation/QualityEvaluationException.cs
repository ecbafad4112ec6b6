using VideoSearch.Core.Errors;

namespace VideoSearch.Training.Evaluation;

/// <summary>An evaluation that cannot run or cannot be trusted: its library folder is in use, or a video did not index.</summary>
public sealed class QualityEvaluationException(ErrorKind kind, string message) : VideoSearchException(kind, message);
