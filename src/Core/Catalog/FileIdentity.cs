namespace VideoSearch.Core.Catalog;

/// <summary>
/// What identifies a file's content without reading it all: size and modification time decide "changed?" cheaply,
/// the content fingerprint (see <see cref="ContentFingerprint"/>) recognises the same file under a new path.
/// </summary>
/// <param name="Size">File size in bytes.</param>
/// <param name="ModifiedUnixNs">Last write time, nanoseconds since the Unix epoch (UTC).</param>
/// <param name="Fingerprint">The <see cref="ContentFingerprint"/> of the file.</param>
public sealed record FileIdentity(long Size, long ModifiedUnixNs, string Fingerprint)
{
    /// <summary>Reads size and modification time and computes the fingerprint of the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read (the message names it).</exception>
    public static async Task<FileIdentity> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"Video file not found: {path}", path);
        string fingerprint = await ContentFingerprint.ComputeAsync(path, cancellationToken).ConfigureAwait(false);
        return new FileIdentity(info.Length, ToUnixNs(info.LastWriteTimeUtc), fingerprint);
    }

    /// <summary>Converts a UTC time to nanoseconds since the Unix epoch (the resolution of <see cref="DateTime"/> is 100 ns).</summary>
    public static long ToUnixNs(DateTime utc) => (utc.ToUniversalTime() - DateTime.UnixEpoch).Ticks * 100;
}
