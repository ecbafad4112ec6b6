using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace VideoSearch.Core.Checkpoints;

/// <summary>Reads the safetensors format (8-byte little-endian header length, JSON header, raw little-endian data) and
/// validates the header, every offset and dtype before any tensor is read. Hand-written: no .NET package reads safetensors
/// into TorchSharp tensors.</summary>
public sealed class SafetensorsFile : IDisposable
{
    // Header sizes above this are not produced by real writers and would only cost memory.
    private const long MaxHeaderBytes = 100L * 1024 * 1024;

    private readonly FileStream stream;
    private readonly long dataStart;

    private SafetensorsFile(string path, FileStream stream, long dataStart, Dictionary<string, SafetensorsTensorInfo> tensors,
        Dictionary<string, string> metadata)
    {
        FilePath = path;
        this.stream = stream;
        this.dataStart = dataStart;
        Tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The file path.</summary>
    public string FilePath { get; }

    /// <summary>Header entries by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsTensorInfo> Tensors { get; }

    /// <summary>The optional <c>__metadata__</c> string map.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Opens and validates <paramref name="path"/>; throws <see cref="SafetensorsFormatException"/> when it is not a
    /// well-formed safetensors file (empty, truncated, a header length the file cannot hold, a malformed header) and
    /// <see cref="FileNotFoundException"/> when it does not exist.</summary>
    public static SafetensorsFile Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Safetensors file '{path}' does not exist.", path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            byte[] header = ReadHeader(path, stream);
            long dataStart = 8 + header.Length;
            var (tensors, metadata) = ParseHeader(path, header, stream.Length - dataStart);
            return new SafetensorsFile(path, stream, dataStart, tensors, metadata);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The 8-byte header length followed by the JSON header, exactly as stored in <paramref name="path"/>, with the
    /// same checks on the length as <see cref="Open"/> (the JSON itself is not parsed): what identifies a checkpoint's
    /// layout (names, dtypes, shapes, offsets) without reading its weights.
    /// </summary>
    /// <exception cref="SafetensorsFormatException">The file is empty, truncated or its header length does not fit it.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static byte[] ReadRawHeader(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Safetensors file '{path}' does not exist.", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        byte[] header = ReadHeader(path, stream);
        var raw = new byte[8 + header.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(raw, (ulong)header.Length);
        header.CopyTo(raw, 8);
        return raw;
    }

    /// <summary>Reads the header length and the header from the start of <paramref name="stream"/>, checking the length
    /// against the file first so that no read runs past the end (which would only say "end of the stream").</summary>
    private static byte[] ReadHeader(string path, FileStream stream)
    {
        long length = stream.Length;
        if (length == 0)
            throw new SafetensorsFormatException(path, "the file is empty (0 bytes); it was not written or copied completely. Download or copy it again.");
        if (length < 8)
            throw new SafetensorsFormatException(path, $"the file has only {length} bytes, fewer than the 8-byte header length (truncated).");
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength < 2)
            throw new SafetensorsFormatException(path, $"header length {headerLength} is too small for a JSON header.");
        if (headerLength > (ulong)(length - 8))
            throw new SafetensorsFormatException(path,
                $"header length {headerLength} is longer than the {length - 8} bytes that follow it: the file is truncated or not a safetensors file.");
        if (headerLength > MaxHeaderBytes)
            throw new SafetensorsFormatException(path, $"header length {headerLength} is above the {MaxHeaderBytes}-byte limit; real checkpoints have far smaller headers.");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        return header;
    }

    /// <summary>Reads one tensor's stored bytes as they are (little-endian, C order, its own dtype).</summary>
    public byte[] ReadBytes(string name)
    {
        if (!Tensors.TryGetValue(name, out var info))
            throw new KeyNotFoundException($"Tensor '{name}' is not in '{FilePath}'.");
        var bytes = new byte[info.End - info.Begin];
        lock (stream)
        {
            stream.Position = dataStart + info.Begin;
            stream.ReadExactly(bytes);
        }
        return bytes;
    }

    /// <summary>Reads one tensor on the CPU: float types as float32, integer types as int64.</summary>
    public Tensor ReadTensor(string name)
    {
        byte[] bytes = ReadBytes(name);
        SafetensorsTensorInfo info = Tensors[name];
        long[] shape = info.Shape;
        switch (info.DType)
        {
            case SafetensorsDType.F32:
                return torch.tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape);
            case SafetensorsDType.F64:
                return torch.tensor(MemoryMarshal.Cast<byte, double>(bytes).ToArray(), shape).to(ScalarType.Float32);
            case SafetensorsDType.F16:
            {
                var halves = MemoryMarshal.Cast<byte, Half>(bytes);
                var values = new float[halves.Length];
                for (int i = 0; i < values.Length; i++) values[i] = (float)halves[i];
                return torch.tensor(values, shape);
            }
            case SafetensorsDType.BF16:
            {
                // bfloat16 is the upper half of a float32.
                var raw = MemoryMarshal.Cast<byte, ushort>(bytes);
                var values = new float[raw.Length];
                for (int i = 0; i < values.Length; i++) values[i] = BitConverter.Int32BitsToSingle(raw[i] << 16);
                return torch.tensor(values, shape);
            }
            case SafetensorsDType.I64:
                return torch.tensor(MemoryMarshal.Cast<byte, long>(bytes).ToArray(), shape);
            case SafetensorsDType.I32:
                return torch.tensor(MemoryMarshal.Cast<byte, int>(bytes).ToArray(), shape).to(ScalarType.Int64);
            default:
                throw new SafetensorsFormatException(FilePath, $"tensor '{name}' has dtype {info.DType}, which this reader does not load.");
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => stream.Dispose();

    private static (Dictionary<string, SafetensorsTensorInfo>, Dictionary<string, string>) ParseHeader(
        string path, byte[] header, long dataLength)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(header); }
        catch (JsonException e) { throw new SafetensorsFormatException(path, $"header is not valid JSON: {e.Message}", e); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new SafetensorsFormatException(path, "header is not a JSON object.");
            var tensors = new Dictionary<string, SafetensorsTensorInfo>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    if (entry.Value.ValueKind != JsonValueKind.Object)
                        throw new SafetensorsFormatException(path, "__metadata__ is not an object.");
                    foreach (var m in entry.Value.EnumerateObject())
                        metadata[m.Name] = m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString()! : m.Value.GetRawText();
                    continue;
                }
                tensors[entry.Name] = ParseEntry(path, entry.Name, entry.Value, dataLength);
            }
            CheckNoOverlap(path, tensors.Values);
            return (tensors, metadata);
        }
    }

    private static SafetensorsTensorInfo ParseEntry(string path, string name, JsonElement value, long dataLength)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !value.TryGetProperty("data_offsets", out var offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array
            || offsetsElement.GetArrayLength() != 2)
            throw new SafetensorsFormatException(path, $"entry '{name}' lacks dtype, shape or a two-element data_offsets.");
        string dtypeText = dtypeElement.GetString()!;
        if (!Enum.TryParse<SafetensorsDType>(dtypeText, ignoreCase: false, out var dtype) || !Enum.IsDefined(dtype))
            throw new SafetensorsFormatException(path, $"entry '{name}' has unsupported dtype '{dtypeText}'.");
        var shape = new long[shapeElement.GetArrayLength()];
        int i = 0;
        foreach (var dim in shapeElement.EnumerateArray())
        {
            if (dim.ValueKind != JsonValueKind.Number || !dim.TryGetInt64(out long d) || d < 0)
                throw new SafetensorsFormatException(path, $"entry '{name}' has an invalid shape {shapeElement.GetRawText()}.");
            shape[i++] = d;
        }
        var offsets = offsetsElement.EnumerateArray().Select(o =>
            o.ValueKind == JsonValueKind.Number && o.TryGetInt64(out long v) && v >= 0
                ? v
                : throw new SafetensorsFormatException(path, $"entry '{name}' has invalid data_offsets {offsetsElement.GetRawText()}.")).ToArray();
        var info = new SafetensorsTensorInfo(name, dtype, shape, offsets[0], offsets[1]);
        if (info.End < info.Begin)
            throw new SafetensorsFormatException(path, $"entry '{name}' has data_offsets [{info.Begin}, {info.End}] that end before they begin.");
        if (info.End > dataLength)
            throw new SafetensorsFormatException(path,
                $"entry '{name}' ends at byte {info.End} of the data but the file holds only {dataLength} data bytes (truncated?).");
        long expected = checked(info.ElementCount * SafetensorsTensorInfo.ElementSize(dtype));
        if (info.End - info.Begin != expected)
            throw new SafetensorsFormatException(path,
                $"entry '{name}' ({dtype} [{string.Join(", ", shape)}]) needs {expected} bytes but data_offsets span {info.End - info.Begin}.");
        return info;
    }

    private static void CheckNoOverlap(string path, IEnumerable<SafetensorsTensorInfo> tensors)
    {
        SafetensorsTensorInfo? previous = null;
        foreach (var t in tensors.Where(t => t.End > t.Begin).OrderBy(t => t.Begin))
        {
            if (previous is not null && t.Begin < previous.End)
                throw new SafetensorsFormatException(path, $"entries '{previous.Name}' and '{t.Name}' overlap.");
            previous = t;
        }
    }
}
