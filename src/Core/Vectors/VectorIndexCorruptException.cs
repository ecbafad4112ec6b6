using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Vectors;

/// <summary>A saved vector index file is truncated, damaged, of another format or of an unknown version.</summary>
public sealed class VectorIndexCorruptException : VideoSearchException
{
    /// <summary>Creates the exception for <paramref name="path"/> with the reason.</summary>
    public VectorIndexCorruptException(string path, string reason, Exception? inner = null)
        : base(ErrorKind.Corrupt, $"Vector index file '{path}' is unusable: {reason}", inner)
    {
        Path = path;
    }

    /// <summary>The file that failed to load.</summary>
    public string Path { get; }
}
