using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Preprocessing;

/// <summary>A <c>preprocessor_config.json</c> is unreadable, or asks for something this preprocessing does not do.</summary>
public sealed class PreprocessorConfigException : VideoSearchException
{
    /// <summary>Creates the exception; <paramref name="message"/> names the file and the offending value.</summary>
    public PreprocessorConfigException(string message) : base(ErrorKind.InvalidInput, message) { }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public PreprocessorConfigException(string message, Exception inner) : base(ErrorKind.InvalidInput, message, inner) { }
}
