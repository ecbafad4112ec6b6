using VideoSearch.Core.Catalog;

namespace VideoSearch.Indexer.Diff;

/// <summary>
/// Decides which unchanged videos that failed for the machine's fault a pass tries again. The first pass after the
/// library is opened retries all of them: whatever was wrong may have been fixed while the indexer was not running.
/// A later pass (watching) retries a failure only when its cause is seen to be gone, by a check that costs nothing
/// per file beyond an open: ffmpeg and ffprobe run now (checked once per pass), or the file opens for reading now.
/// Failures without such a check (an unforeseen error) wait for the next start. A file's own failures are never
/// retried here; a change of the file retries them.
/// </summary>
/// <param name="firstPass">True for the first pass after opening the library.</param>
/// <param name="toolsFound">True when ffmpeg and ffprobe ran at the start of this pass.</param>
internal sealed class EnvironmentRetry(bool firstPass, bool toolsFound)
{
    /// <summary>True when the failed, unchanged <paramref name="video"/> is to be indexed again in this pass.</summary>
    public bool ShouldRetry(VideoFileState video)
    {
        if (video.Status != VideoStatus.Failed) return false;
        RetryTrigger trigger = FailureKinds.RetryTriggerOf(video.ErrorKind);
        if (trigger == RetryTrigger.FileChanges) return false;
        if (firstPass) return true;
        return trigger switch
        {
            RetryTrigger.ToolsFound => toolsFound,
            RetryTrigger.FileReadable => CanRead(video.Path),
            _ => false,
        };
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
