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

    /// <summary>Nanoseconds per <see cref="DateTime"/> tick.</summary>
    private const long NsPerTick = 100;

    /// <summary>
    /// Converts a time to nanoseconds since the Unix epoch (UTC; the resolution of <see cref="DateTime"/> is 100 ns).
    /// Valid over the whole range of <see cref="DateTime"/>: a 64-bit count of nanoseconds spans only
    /// 1677-09-21T00:12:43.145224192Z .. 2262-04-11T23:47:16.854775807Z, so earlier times saturate to
    /// <see cref="long.MinValue"/> and later ones to <see cref="long.MaxValue"/>. Order is kept (a later time never
    /// gives a smaller value), which is all the catalog's date filters need; no file has such a timestamp.
    /// </summary>
    public static long ToUnixNs(DateTime utc)
    {
        long ticks = (utc.ToUniversalTime() - DateTime.UnixEpoch).Ticks;
        if (ticks > long.MaxValue / NsPerTick) return long.MaxValue;
        if (ticks < long.MinValue / NsPerTick) return long.MinValue;
        return ticks * NsPerTick;
    }

    /// <summary>Converts <paramref name="time"/> to nanoseconds since the Unix epoch, saturating as <see cref="ToUnixNs(DateTime)"/> does.</summary>
    public static long ToUnixNs(DateTimeOffset time) => ToUnixNs(time.UtcDateTime);
}
