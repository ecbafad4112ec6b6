namespace VideoSearch.Core.Checkpoints;

/// <summary>
/// Writes a file so that its name only ever holds a complete version: the content goes to a temporary file in the same
/// folder (so the rename stays on one file system), is flushed to the disk, and is then renamed over the target.
/// A crash or a full disk leaves the previous file (or none) under the name, never a truncated one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, replacing any existing file once the new
    /// content is on the disk.</summary>
    /// <exception cref="CheckpointWriteException">The file system refused the write (full disk, permissions, I/O error).</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        // A dot name so that listings and globs (*.safetensors) never pick the partial file up.
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CheckpointWriteException.From(path, e);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string temp)
    {
        try { File.Delete(temp); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the write already failed (or succeeded and moved it); a stray dot file harms nothing.
        }
    }
}
