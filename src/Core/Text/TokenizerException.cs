using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Text;

/// <summary>A tokenizer file is missing or malformed. <see cref="Exception.Message"/> names the file and what is wrong.</summary>
public sealed class TokenizerException : VideoSearchException
{
    /// <summary>Creates the exception for the given file.</summary>
    /// <param name="filePath">The file (or folder) that could not be used.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public TokenizerException(string filePath, string message, Exception? inner = null)
        : base(ErrorKind.InvalidInput, $"{filePath}: {message}", inner)
    {
        FilePath = filePath;
    }

    /// <summary>The file (or folder) that could not be used.</summary>
    public string FilePath { get; }
}
