using System.Buffers;
using System.Security.Cryptography;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// A cheap content fingerprint: SHA-256 over the file size and three 64 KiB windows (start, middle, end).
/// It reads at most 192 KiB whatever the file size, so a library scan can recognise moved files (same
/// fingerprint, new path) and changed files without reading whole videos. Containers put headers at the start
/// and indexes at the end, so edits almost always touch a window; a change confined to unread bytes of an
/// unchanged size is also caught by the modification time, which the indexer compares first.
/// </summary>
public static class ContentFingerprint
{
    /// <summary>Bytes read from each of the three windows.</summary>
    public const int WindowBytes = 64 * 1024;

    private const string Version = "v1";

    /// <summary>Computes the fingerprint of the file at <paramref name="path"/>, e.g. <c>v1:1a2b...</c>.</summary>
    /// <exception cref="IOException">The file cannot be read (the message names it).</exception>
    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken = default)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
            FileOptions.Asynchronous);
        long size = RandomAccess.GetLength(handle);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(size));

        byte[] buffer = ArrayPool<byte>.Shared.Rent(WindowBytes);
        try
        {
            foreach (long offset in WindowOffsets(size))
            {
                int wanted = (int)Math.Min(WindowBytes, size - offset);
                int read = await ReadExactlyAsync(handle, buffer.AsMemory(0, wanted), offset, path, cancellationToken)
                    .ConfigureAwait(false);
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return $"{Version}:{Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }

    /// <summary>Window starts: the whole file when it is small, otherwise start, middle and end without overlap.</summary>
    internal static IEnumerable<long> WindowOffsets(long size)
    {
        if (size <= 3L * WindowBytes)
        {
            for (long offset = 0; offset < size; offset += WindowBytes) yield return offset;
            yield break;
        }
        yield return 0;
        yield return size / 2 - WindowBytes / 2;
        yield return size - WindowBytes;
    }

    private static async Task<int> ReadExactlyAsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Memory<byte> target,
        long offset, string path, CancellationToken cancellationToken)
    {
        int total = 0;
        while (total < target.Length)
        {
            int read = await RandomAccess.ReadAsync(handle, target[total..], offset + total, cancellationToken)
                .ConfigureAwait(false);
            if (read == 0) throw new IOException($"File shrank while fingerprinting: {path}");
            total += read;
        }
        return total;
    }
}
