using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Checkpoints;

/// <summary>A safetensors file is truncated, malformed or holds a dtype that cannot be read; the message names the file.</summary>
public sealed class SafetensorsFormatException : VideoSearchException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public SafetensorsFormatException(string path, string message, Exception? inner = null)
        : base(ErrorKind.InvalidInput, $"Invalid safetensors file '{path}': {message}", inner)
    {
        FilePath = path;
    }

    /// <summary>The file that failed.</summary>
    public string FilePath { get; }
}
