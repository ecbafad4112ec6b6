namespace VideoSearch.Core.Preprocessing;

/// <summary>A <c>preprocessor_config.json</c> is unreadable, or asks for something this preprocessing does not do.</summary>
public sealed class PreprocessorConfigException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> names the file and the offending value.</summary>
    public PreprocessorConfigException(string message) : base(message) { }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public PreprocessorConfigException(string message, Exception inner) : base(message, inner) { }
}
