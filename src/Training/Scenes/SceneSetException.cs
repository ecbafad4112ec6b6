using VideoSearch.Core.Errors;

namespace VideoSearch.Training.Scenes;

/// <summary>A scene set could not be generated: bad options, an output folder in the way, or ffmpeg failing.</summary>
public sealed class SceneSetException : VideoSearchException
{
    /// <summary>Creates the exception; <paramref name="message"/> is shown to the user as it is.</summary>
    public SceneSetException(ErrorKind kind, string message, Exception? inner = null) : base(kind, message, inner)
    {
    }
}
