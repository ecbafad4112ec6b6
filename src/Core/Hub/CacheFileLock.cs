namespace VideoSearch.Core.Hub;

/// <summary>
/// An exclusive lock on a file in the cache's <c>.locks</c> folder, held while one blob is downloaded so that two
/// processes (or two resolves in one process) never write the same <c>.incomplete</c> file. On Linux and macOS .NET
/// takes the lock with flock, the same call Python's filelock uses, so this also excludes a concurrent huggingface_hub.
/// </summary>
internal sealed class CacheFileLock : IDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _stream;

    private CacheFileLock(FileStream stream) => _stream = stream;

    public static async Task<CacheFileLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new CacheFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                // Held by another download of the same blob: wait for it rather than fail; it usually finishes the blob for us.
                await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The lock file itself stays, as huggingface_hub leaves it: deleting it would let a third process lock a different inode.
    public void Dispose() => _stream.Dispose();
}
