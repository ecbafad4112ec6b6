using System.Text;
using VideoSearch.Core.Media;

namespace VideoSearch.Indexer;

/// <summary>
/// The short failure categories stored in the catalog and shown to users, e.g. <c>no_video_stream</c>, and the one
/// rule that tells the file's failures from the machine's (<see cref="RetryTriggerOf"/>). The catalog stores only the
/// kind, so the rule also applies to failures recorded by earlier versions (a library whose every file failed with
/// <c>tool_missing</c> before ffmpeg was installed is retried once it is).
/// </summary>
internal static class FailureKinds
{
    /// <summary>An error the indexer could not classify (a bug or an environment problem), kept with its message.</summary>
    public const string Internal = "internal_error";

    /// <summary>The catalog refused the clips of a video for a reason other than being unable to write.</summary>
    public const string Catalog = "catalog_error";

    /// <summary>The file exists but cannot be opened for reading (permission denied on it or its folder).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Reading the file, or a temporary file, failed with an I/O error of the machine.</summary>
    public const string IoError = "io_error";

    /// <summary><see cref="MediaErrorKind.ToolMissing"/>'s name (see <see cref="Of"/>): ffmpeg or ffprobe could not be started.</summary>
    public const string ToolMissing = "tool_missing";

    /// <summary><see cref="MediaErrorKind.NotFound"/>'s name (see <see cref="Of"/>): the file was gone or could not be read.</summary>
    public const string NotFound = "not_found";

    /// <summary>The snake_case name of a media error kind (<c>NoVideoStream</c> gives <c>no_video_stream</c>).</summary>
    public static string Of(MediaErrorKind kind)
    {
        string name = kind.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    /// <summary>Whose fault a failure of <paramref name="kind"/> is.</summary>
    public static FailureCause CauseOf(string? kind) =>
        RetryTriggerOf(kind) == RetryTrigger.FileChanges ? FailureCause.File : FailureCause.Environment;

    /// <summary>
    /// When an unchanged file that failed with <paramref name="kind"/> is tried again. The file's own problems
    /// (empty, not media, damaged, truncated, no video, undecodable, a link out of the root) wait for a change.
    /// A timeout counts as the file's too: the limits are generous, so a file that exceeds them almost always makes
    /// ffmpeg crawl, and retrying it would cost the whole limit again at every start. Unknown kinds (from a newer
    /// version) also wait, so nothing is retried in a loop by mistake. Everything else is the machine's.
    /// </summary>
    public static RetryTrigger RetryTriggerOf(string? kind) => kind switch
    {
        ToolMissing => RetryTrigger.ToolsFound,
        // not_found: the file vanished between the scan and the probe (the next scan then removes it), or it could
        // not be read; either way the file is not known to be bad.
        NotFound or Unreadable or IoError => RetryTrigger.FileReadable,
        Internal or Catalog => RetryTrigger.NextStart,
        _ => RetryTrigger.FileChanges,
    };
}
