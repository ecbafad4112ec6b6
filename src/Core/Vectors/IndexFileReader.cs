using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace VideoSearch.Core.Vectors;

/// <summary>
/// Reads a file written by <see cref="IndexFileWriter"/>, hashing as it goes. Every failure (missing bytes, wrong
/// magic or version, a value out of range, a checksum mismatch) becomes a <see cref="VectorIndexCorruptException"/>.
/// </summary>
internal sealed class IndexFileReader : IDisposable
{
    private const int ChecksumBytes = sizeof(ulong);
    private readonly FileStream _file;
    private readonly BufferedStream _buffer;
    private readonly XxHash3 _hash = new();
    private long _position;

    public IndexFileReader(string path, string magic, ushort version)
    {
        Path = path;
        try
        {
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException) { throw; }
        catch (IOException e) { throw new VectorIndexCorruptException(path, "it cannot be opened", e); }
        _buffer = new BufferedStream(_file, 1 << 20);
        try
        {
            Span<byte> actualMagic = stackalloc byte[magic.Length];
            Read(actualMagic);
            if (!actualMagic.SequenceEqual(Encoding.ASCII.GetBytes(magic)))
                throw Corrupt($"it does not start with the magic '{magic}'");
            ushort actualVersion = Read<ushort>();
            if (actualVersion != version) throw Corrupt($"format version {actualVersion} is not the supported version {version}");
        }
        catch
        {
            _buffer.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>Bytes left before the checksum.</summary>
    public long Remaining => _file.Length - ChecksumBytes - _position;

    public T Read<T>() where T : unmanaged
    {
        T value = default;
        Read(MemoryMarshal.AsBytes(new Span<T>(ref value)));
        return value;
    }

    public void Read<T>(Span<T> values) where T : unmanaged => Read(MemoryMarshal.AsBytes(values));

    public void Read(Span<byte> bytes)
    {
        if (bytes.Length > Remaining) throw Corrupt("it is truncated");
        _buffer.ReadExactly(bytes);
        _hash.Append(bytes);
        _position += bytes.Length;
    }

    /// <summary>Throws unless <paramref name="bytes"/> more bytes (plus the checksum) are present.</summary>
    public void Require(long bytes, string what)
    {
        if (bytes < 0 || bytes > Remaining) throw Corrupt($"it is truncated or its header is wrong ({what} needs {bytes} bytes, {Math.Max(0, Remaining)} remain)");
    }

    /// <summary>Checks that the content ended exactly at the checksum and that the checksum matches.</summary>
    public void VerifyChecksum()
    {
        if (Remaining != 0) throw Corrupt($"{Remaining} unexpected bytes follow the content");
        Span<byte> stored = stackalloc byte[ChecksumBytes];
        _buffer.ReadExactly(stored);
        if (MemoryMarshal.Read<ulong>(stored) != _hash.GetCurrentHashAsUInt64()) throw Corrupt("its checksum does not match");
    }

    public VectorIndexCorruptException Corrupt(string reason) => new(Path, reason);

    public void Dispose() => _buffer.Dispose();
}
