namespace VideoSearch.Indexer;

/// <summary>What lets an unchanged, failed video be tried again (see <see cref="FailureKinds.RetryTriggerOf"/>).</summary>
internal enum RetryTrigger
{
    /// <summary>Only a change of the file: the failure is the file's.</summary>
    FileChanges,

    /// <summary>The next start of the indexer (a new program version, a freed disk): no cheap check tells the cause is gone.</summary>
    NextStart,

    /// <summary>The next start, or a watch pass that finds ffmpeg and ffprobe.</summary>
    ToolsFound,

    /// <summary>The next start, or a watch pass that can open the file for reading.</summary>
    FileReadable,
}
