namespace VideoSearch.Core.Hub;

/// <summary>How far the download of one file has come.</summary>
/// <param name="File">The file name within the repository, e.g. <c>model.safetensors</c>.</param>
/// <param name="BytesReceived">Bytes on disk so far, including any resumed part.</param>
/// <param name="TotalBytes">The file size, when the server announced it.</param>
/// <param name="BytesPerSecond">The transfer rate of this attempt (resumed bytes excluded).</param>
public readonly record struct DownloadProgress(string File, long BytesReceived, long? TotalBytes, double BytesPerSecond)
{
    /// <summary>True once every announced byte has arrived.</summary>
    public bool IsComplete => TotalBytes is { } total && BytesReceived >= total;
}
