using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace VideoSearch.Core.Vectors;

/// <summary>
/// Writes a vector index file: a magic and version, the caller's little-endian fields and arrays, then an XxHash3
/// of everything before it. Bytes go to <c>path.tmp</c>, which is flushed to disk and renamed over
/// <c>path</c> only on <see cref="Commit"/>, so a crash never leaves a half-written index under the real name.
/// </summary>
internal sealed class IndexFileWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _file;
    private readonly BufferedStream _buffer;
    private readonly XxHash3 _hash = new();
    private bool _committed;

    public IndexFileWriter(string path, string magic, ushort version)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Vector index files are little-endian.");
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _temporaryPath = _path + ".tmp";
        _file = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None);
        _buffer = new BufferedStream(_file, 1 << 20);
        Write(Encoding.ASCII.GetBytes(magic));
        Write(version);
    }

    public void Write<T>(T value) where T : unmanaged => Write(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    public void Write<T>(ReadOnlySpan<T> values) where T : unmanaged => Write(MemoryMarshal.AsBytes(values));

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        _buffer.Write(bytes);
    }

    /// <summary>Appends the checksum, flushes to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        ulong checksum = _hash.GetCurrentHashAsUInt64();
        _buffer.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in checksum)));
        _buffer.Flush();
        _file.Flush(flushToDisk: true);
        _buffer.Dispose();
        File.Move(_temporaryPath, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        try
        {
            // On a full disk this flush fails again; the half-written temporary file must still go.
            _buffer.Dispose();
        }
        catch (IOException) when (!_committed)
        {
            _file.Dispose();
        }
        finally
        {
            if (!_committed && File.Exists(_temporaryPath)) File.Delete(_temporaryPath);
        }
    }
}
