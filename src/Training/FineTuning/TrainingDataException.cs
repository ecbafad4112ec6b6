using VideoSearch.Core.Errors;

namespace VideoSearch.Training.FineTuning;

/// <summary>A training rows file, or a video it names, cannot be used; the message names the file, the line and the value.</summary>
public sealed class TrainingDataException : VideoSearchException
{
    /// <summary>Creates the exception; <paramref name="message"/> names the file and the offending value.</summary>
    public TrainingDataException(string message) : base(ErrorKind.InvalidInput, message) { }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public TrainingDataException(string message, Exception inner) : base(ErrorKind.InvalidInput, message, inner) { }
}
