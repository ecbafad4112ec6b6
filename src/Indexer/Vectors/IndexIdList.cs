using System.IO.Hashing;

namespace VideoSearch.Indexer.Vectors;

/// <summary>
/// The clip ids a saved vector index file holds, in a small file beside it, tied to that exact index file by a hash
/// of its bytes. The HNSW index has no way to list its ids, and reconciling it with the catalog after a crash needs
/// them; a list that does not match the index file (a crash between the two writes) is ignored and the index is
/// rebuilt from the catalog.
/// Format: "VSIDS1", ulong XxHash3 of the index file, int count, long ids[count], ulong XxHash3 of all before it.
/// </summary>
internal static class IndexIdList
{
    private static ReadOnlySpan<byte> Magic => "VSIDS1"u8;

    /// <summary>Writes the ids of the index file at <paramref name="indexPath"/> atomically (temporary file, flush, rename).</summary>
    public static void Write(string path, string indexPath, IReadOnlyCollection<long> ids)
    {
        ulong indexHash = HashFile(indexPath);
        var body = new byte[Magic.Length + 8 + 4 + ids.Count * 8L];
        var span = body.AsSpan();
        Magic.CopyTo(span);
        BitConverter.TryWriteBytes(span[Magic.Length..], indexHash);
        BitConverter.TryWriteBytes(span[(Magic.Length + 8)..], ids.Count);
        int offset = Magic.Length + 12;
        foreach (long id in ids.Order())
        {
            BitConverter.TryWriteBytes(span[offset..], id);
            offset += 8;
        }
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(body);
            stream.Write(BitConverter.GetBytes(XxHash3.HashToUInt64(body)));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The ids saved for the index file at <paramref name="indexPath"/>, or null when the list is missing,
    /// damaged, or was written for other index bytes.</summary>
    public static HashSet<long>? TryRead(string path, string indexPath)
    {
        if (!File.Exists(path) || !File.Exists(indexPath)) return null;
        byte[] bytes = File.ReadAllBytes(path);
        int header = Magic.Length + 12;
        if (bytes.Length < header + 8 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        var body = bytes.AsSpan(0, bytes.Length - 8);
        if (XxHash3.HashToUInt64(body) != BitConverter.ToUInt64(bytes, bytes.Length - 8)) return null;
        int count = BitConverter.ToInt32(bytes, Magic.Length + 8);
        if (count < 0 || body.Length != header + count * 8L) return null;
        if (BitConverter.ToUInt64(bytes, Magic.Length) != HashFile(indexPath)) return null;
        var ids = new HashSet<long>(count);
        for (int i = 0; i < count; i++) ids.Add(BitConverter.ToInt64(bytes, header + i * 8));
        return ids;
    }

    private static ulong HashFile(string path)
    {
        var hash = new XxHash3();
        using var stream = File.OpenRead(path);
        hash.Append(stream);
        return hash.GetCurrentHashAsUInt64();
    }
}
