// A minimal reader for golden .safetensors files in tests, kept apart from the production checkpoint reader so
// that test expectations do not depend on the code under test.
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace VideoSearch.TestSupport;

/// <summary>The tensors of one <c>.safetensors</c> file, read whole into memory (test fixtures are small).</summary>
public sealed class SafetensorsFile
{
    private readonly byte[] _bytes;
    private readonly long _dataStart;
    private readonly Dictionary<string, (string DType, long[] Shape, long Begin, long End)> _tensors;

    private SafetensorsFile(byte[] bytes, long dataStart,
        Dictionary<string, (string, long[], long, long)> tensors, Dictionary<string, string> metadata)
    {
        _bytes = bytes;
        _dataStart = dataStart;
        _tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The <c>__metadata__</c> strings.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor names, sorted.</summary>
    public IReadOnlyList<string> Names => _tensors.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads and indexes a file: 8-byte little-endian header length, JSON header, raw data.</summary>
    public static SafetensorsFile Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short for a safetensors header.");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{path}: header length {headerLength} exceeds the file.");
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var tensors = new Dictionary<string, (string, long[], long, long)>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                foreach (var m in entry.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString() ?? "";
                continue;
            }
            var offsets = entry.Value.GetProperty("data_offsets");
            tensors[entry.Name] = (
                entry.Value.GetProperty("dtype").GetString()!,
                entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                offsets[0].GetInt64(),
                offsets[1].GetInt64());
        }
        long dataStart = 8 + (long)headerLength;
        foreach (var (name, (_, _, begin, end)) in tensors)
        {
            if (begin < 0 || end < begin || dataStart + end > bytes.Length)
                throw new InvalidDataException($"{path}: tensor '{name}' offsets [{begin}, {end}] are outside the file.");
        }
        return new SafetensorsFile(bytes, dataStart, tensors, metadata);
    }

    /// <summary>Whether a tensor of that name exists.</summary>
    public bool Contains(string name) => _tensors.ContainsKey(name);

    /// <summary>The dtype string of a tensor (<c>U8</c>, <c>F32</c>, <c>I64</c>, ...).</summary>
    public string DType(string name) => Entry(name).DType;

    /// <summary>The shape of a tensor.</summary>
    public long[] Shape(string name) => Entry(name).Shape;

    /// <summary>A <c>U8</c> tensor's bytes, C order.</summary>
    public byte[] ReadU8(string name) => Read<byte>(name, "U8");

    /// <summary>An <c>F32</c> tensor's values, C order.</summary>
    public float[] ReadF32(string name) => Read<float>(name, "F32");

    /// <summary>An <c>I64</c> tensor's values, C order.</summary>
    public long[] ReadI64(string name) => Read<long>(name, "I64");

    private (string DType, long[] Shape, long Begin, long End) Entry(string name) =>
        _tensors.TryGetValue(name, out var entry)
            ? entry
            : throw new KeyNotFoundException($"No tensor '{name}'; have: {string.Join(", ", Names)}.");

    private T[] Read<T>(string name, string dtype) where T : unmanaged
    {
        var (actual, shape, begin, end) = Entry(name);
        if (actual != dtype) throw new InvalidDataException($"Tensor '{name}' is {actual}, not {dtype}.");
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if ((end - begin) != count * Marshal.SizeOf<T>())
            throw new InvalidDataException($"Tensor '{name}': {end - begin} bytes for shape [{string.Join(", ", shape)}].");
        // The format is little-endian, as is every platform this project runs on.
        return MemoryMarshal.Cast<byte, T>(_bytes.AsSpan((int)(_dataStart + begin), (int)(end - begin))).ToArray();
    }
}
