using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Media;

/// <summary>ffmpeg or ffprobe cannot be found or run, so no video can be indexed: an environment failure.</summary>
public sealed class MediaToolsMissingException : VideoSearchException
{
    /// <summary>The one line that tells the user what to run; the wrapper script prints the same words.</summary>
    public const string Advice = "ffmpeg and ffprobe are needed: run scripts/install-deps (or apt-get install ffmpeg)";

    /// <summary>Creates the exception; <paramref name="problems"/> says what is wrong with which tool.</summary>
    public MediaToolsMissingException(IReadOnlyList<string> problems)
        : base(ErrorKind.Environment, $"{Advice} ({string.Join("; ", problems)})")
    {
        Problems = problems;
    }

    /// <summary>One sentence per tool that is missing or does not run, e.g. "ffprobe is not on PATH".</summary>
    public IReadOnlyList<string> Problems { get; }
}
